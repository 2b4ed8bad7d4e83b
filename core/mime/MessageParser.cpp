#include "mime/GMimeRuntime.h" // first: GMime before Qt (see there)

#include "mime/MessageParser.h"

#include "mime/FlowedText.h"

#include <QTimeZone>

namespace kurier::mime {

namespace {

QString fromUtf8(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

void collectAddresses(InternetAddressList *list, QList<MailAddress> *out)
{
    if (!list)
        return;
    const int n = internet_address_list_length(list);
    for (int i = 0; i < n; ++i) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            out->append({fromUtf8(internet_address_get_name(ia)),
                         fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)))});
        } else if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            collectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out);
        }
    }
}

QStringList messageIds(const char *header)
{
    QStringList ids;
    if (!header)
        return ids;
    GMimeReferences *refs = g_mime_references_parse(nullptr, header);
    if (!refs)
        return ids;
    for (int i = 0; i < g_mime_references_length(refs); ++i)
        ids << fromUtf8(g_mime_references_get_message_id(refs, i));
    g_mime_references_free(refs);
    return ids;
}

// A Content-Type parameter compared without regard to case (RFC 2045 §5.1: "Flowed" is "flowed").
bool parameterIs(GMimeContentType *type, const char *name, const char *value)
{
    const char *actual = g_mime_content_type_get_parameter(type, name);
    return actual && g_ascii_strcasecmp(actual, value) == 0;
}

QByteArray decodedContent(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    GObjectRef<GMimeStream> mem(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, mem.get()); // removes the transfer encoding
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
}

void visitPart(GMimeObject *, GMimeObject *object, gpointer data)
{
    auto *message = static_cast<ParsedMessage *>(data);
    if (GMIME_IS_MESSAGE_PART(object)) {
        // An attached message (message/rfc822): kept whole, as the user may open or save it.
        ParsedPart p;
        p.mimeType = QStringLiteral("message/rfc822");
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner) {
            char *text = g_mime_object_to_string(GMIME_OBJECT(inner), nullptr);
            p.data = QByteArray(text);
            g_free(text);
            p.fileName = fromUtf8(g_mime_message_get_subject(inner));
        }
        message->attachments.append(p);
        return;
    }
    if (!GMIME_IS_PART(object))
        return; // multiparts: their children are visited too
    GMimePart *part = GMIME_PART(object);
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    const bool isAttachment = disposition && g_mime_content_disposition_is_attachment(disposition);
    const QString fileName = fromUtf8(g_mime_part_get_filename(part));
    GMimeContentType *type = g_mime_object_get_content_type(object);
    char *mimeType = g_mime_content_type_get_mime_type(type);
    const QString typeName = fromUtf8(mimeType).toLower();
    g_free(mimeType);

    if (GMIME_IS_TEXT_PART(object) && !isAttachment && fileName.isEmpty()) {
        // The first text/plain and text/html outside attachments are the bodies; the text is
        // converted from the part's charset to UTF-8 by GMime.
        QString *target = typeName == u"text/plain" ? &message->text : typeName == u"text/html" ? &message->html : nullptr;
        if (target && target->isEmpty()) {
            char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(object));
            *target = fromUtf8(text);
            g_free(text);
            // For display: one kind of line end.
            target->replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            if (target == &message->text && parameterIs(type, "format", "flowed"))
                *target = FlowedText::unflow(*target, parameterIs(type, "delsp", "yes"));
            return;
        }
    }
    ParsedPart p;
    p.fileName = fileName;
    p.mimeType = typeName;
    p.contentId = fromUtf8(g_mime_part_get_content_id(part));
    p.isInline = !isAttachment && (disposition || !p.contentId.isEmpty());
    p.data = decodedContent(part);
    message->attachments.append(p);
}

} // namespace

ParsedMessage MessageParser::parse(const QByteArray &bytes)
{
    ensureGMime();
    ParsedMessage result;
    GObjectRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size())));
    GObjectRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GObjectRef<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message) {
        result.error = QStringLiteral("not a MIME message");
        return result;
    }
    GMimeMessage *m = message.get();
    QList<MailAddress> from;
    collectAddresses(g_mime_message_get_from(m), &from);
    result.from = from.value(0);
    collectAddresses(g_mime_message_get_to(m), &result.to);
    collectAddresses(g_mime_message_get_cc(m), &result.cc);
    collectAddresses(g_mime_message_get_bcc(m), &result.bcc);
    collectAddresses(g_mime_message_get_reply_to(m), &result.replyTo);
    result.subject = fromUtf8(g_mime_message_get_subject(m));
    if (GDateTime *date = g_mime_message_get_date(m)) {
        const int offset = int(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
        result.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), QTimeZone(offset));
    }
    result.messageId = fromUtf8(g_mime_message_get_message_id(m));
    result.inReplyTo = messageIds(g_mime_object_get_header(GMIME_OBJECT(m), "In-Reply-To")).value(0);
    result.references = messageIds(g_mime_object_get_header(GMIME_OBJECT(m), "References"));
    if (GMimeObject *body = g_mime_message_get_mime_part(m)) {
        if (GMIME_IS_MULTIPART(body))
            g_mime_multipart_foreach(GMIME_MULTIPART(body), visitPart, &result);
        else
            visitPart(nullptr, body, &result);
    }
    return result;
}

} // namespace kurier::mime
