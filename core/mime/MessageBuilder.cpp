#include "mime/GMimeRuntime.h" // first: GMime before Qt (see there)

#include "mime/MessageBuilder.h"

#include <QMimeDatabase>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace kurier::mime {

namespace {

// A header value is one logical line: CR and LF (and other controls) would let a subject or a
// name start a header of its own ("…\r\nBcc: …"). GMime folds the result itself.
QString oneLine(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return out;
}

GMimeDataWrapper *contentFrom(const QByteArray &bytes)
{
    // The memory stream copies the bytes.
    GObjectRef<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size())));
    return g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT);
}

// A UTF-8 text part. g_mime_text_part_set_text() would pick "the best" charset (ISO-8859-1 for
// umlauts); we always say UTF-8, and let GMime choose 7bit, quoted-printable or base64.
GMimeObject *textPart(const char *subtype, const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    if (!normalised.isEmpty() && !normalised.endsWith(u'\n'))
        normalised += u'\n';
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
    GObjectRef<GMimeDataWrapper> content(contentFrom(normalised.toUtf8()));
    g_mime_part_set_content(GMIME_PART(part), content.get());
    g_mime_text_part_set_charset(part, "utf-8");
    // GMime's choice (7bit, or quoted-printable for long lines and "From " lines) — except that
    // it takes base64 for short texts with a few umlauts; those stay readable as
    // quoted-printable. Mostly non-Latin text is shorter in base64.
    GMimeContentEncoding encoding = g_mime_part_get_best_content_encoding(GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT);
    if (encoding == GMIME_CONTENT_ENCODING_BASE64) {
        const QByteArray utf8 = normalised.toUtf8();
        qsizetype eightBit = 0;
        for (char c : utf8)
            eightBit += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;
        if (eightBit * 10 < utf8.size() * 3)
            encoding = GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
    }
    g_mime_part_set_content_encoding(GMIME_PART(part), encoding);
    return GMIME_OBJECT(part);
}

GMimeObject *attachmentPart(const DraftAttachment &a)
{
    const QString type = a.mimeType.isEmpty() ? MessageBuilder::detectMimeType(a.fileName, a.data) : a.mimeType;
    // A forwarded message as a whole (RFC 2046 §5.2.1): a message/rfc822 part holding the
    // message itself, never base64 (not allowed for message/rfc822), so readers show it as a
    // message.
    if (type.compare(QLatin1String("message/rfc822"), Qt::CaseInsensitive) == 0) {
        GObjectRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.data.constData(), size_t(a.data.size())));
        GObjectRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
        if (GMimeMessage *inner = g_mime_parser_construct_message(parser.get(), nullptr)) {
            GMimeMessagePart *part = g_mime_message_part_new_with_message("rfc822", inner);
            g_object_unref(inner);
            g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
            if (!a.fileName.isEmpty())
                g_mime_object_set_content_disposition_parameter(GMIME_OBJECT(part), "filename",
                                                                oneLine(a.fileName).toUtf8().constData());
            return GMIME_OBJECT(part);
        }
    }
    const qsizetype slash = type.indexOf(u'/');
    const QByteArray major = slash > 0 ? type.left(slash).toLatin1() : QByteArrayLiteral("application");
    const QByteArray minor = slash > 0 ? type.mid(slash + 1).toLatin1() : QByteArrayLiteral("octet-stream");
    GMimePart *part = g_mime_part_new_with_type(major.constData(), minor.constData());
    GObjectRef<GMimeDataWrapper> content(contentFrom(a.data));
    g_mime_part_set_content(part, content.get());
    const bool isInline = !a.contentId.isEmpty();
    // Disposition first: set_filename() adds its parameter to it (RFC 2231 when not ASCII) and
    // the same "name" to the Content-Type for older readers.
    g_mime_object_set_disposition(GMIME_OBJECT(part), isInline ? GMIME_DISPOSITION_INLINE : GMIME_DISPOSITION_ATTACHMENT);
    if (!a.fileName.isEmpty()) {
        g_mime_part_set_filename(part, oneLine(a.fileName).toUtf8().constData());
        // UTF-8 rather than GMime's "smallest charset that fits" (ISO-8859-1 for umlauts).
        GMimeParamList *dispositionParams =
            g_mime_content_disposition_get_parameters(g_mime_object_get_content_disposition(GMIME_OBJECT(part)));
        if (GMimeParam *p = g_mime_param_list_get_parameter(dispositionParams, "filename"))
            g_mime_param_set_charset(p, "utf-8");
        GMimeParamList *typeParams = g_mime_content_type_get_parameters(g_mime_object_get_content_type(GMIME_OBJECT(part)));
        if (GMimeParam *p = g_mime_param_list_get_parameter(typeParams, "name"))
            g_mime_param_set_charset(p, "utf-8");
    }
    if (isInline)
        g_mime_part_set_content_id(part, oneLine(a.contentId).toUtf8().constData());
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    return GMIME_OBJECT(part);
}

GMimeObject *multipart(const char *subtype, const QList<GMimeObject *> &parts)
{
    GMimeMultipart *m = g_mime_multipart_new_with_subtype(subtype);
    for (GMimeObject *p : parts) {
        g_mime_multipart_add(m, p);
        g_object_unref(p); // the multipart holds it now
    }
    return GMIME_OBJECT(m);
}

void addMailboxes(GMimeMessage *message, GMimeAddressType type, const QList<MailAddress> &addresses)
{
    InternetAddressList *list = g_mime_message_get_addresses(message, type);
    for (const MailAddress &a : addresses) {
        InternetAddress *ia = internet_address_mailbox_new(a.name.isEmpty() ? nullptr : oneLine(a.name).toUtf8().constData(),
                                                           oneLine(a.address).toUtf8().constData());
        internet_address_set_charset(ia, "utf-8"); // names as =?utf-8?…?=, not ISO-8859-1
        internet_address_list_add(list, ia);
        g_object_unref(ia);
    }
}

QByteArray angle(const QString &id)
{
    return '<' + id.toUtf8() + '>';
}

} // namespace

QString MessageBuilder::newMessageId(const QString &fromAddress)
{
    const qsizetype at = fromAddress.lastIndexOf(u'@');
    const QString domain = at >= 0 && at + 1 < fromAddress.size() ? fromAddress.mid(at + 1) : QStringLiteral("kurier.invalid");
    return QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral("@") + domain;
}

QString MessageBuilder::detectMimeType(const QString &fileName, const QByteArray &data)
{
    static const QMimeDatabase db;
    const QMimeType t = db.mimeTypeForFileNameAndData(fileName, data);
    return t.isValid() ? t.name() : QStringLiteral("application/octet-stream");
}

MessageBuilder::Result MessageBuilder::build(const Draft &draft)
{
    ensureGMime();
    Result result;
    if (draft.from.address.isEmpty()) {
        result.error = QStringLiteral("no sender address");
        return result;
    }
    for (const QList<MailAddress> *list : {&draft.to, &draft.cc, &draft.bcc}) {
        for (const MailAddress &a : *list) {
            if (!a.address.isEmpty() && !result.recipients.contains(a.address, Qt::CaseInsensitive))
                result.recipients.append(a.address);
        }
    }
    result.reversePath = draft.from.address;
    result.messageId = newMessageId(draft.from.address);

    GObjectRef<GMimeMessage> message(g_mime_message_new(TRUE));
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_FROM, {draft.from});
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_TO, draft.to);
    addMailboxes(message.get(), GMIME_ADDRESS_TYPE_CC, draft.cc);
    // Bcc not added to a message to send: RFC 5322 §3.6.3 allows either; we never reveal them.
    // A draft kept locally keeps them, so that continuing it does not lose them.
    if (draft.keepBccHeader)
        addMailboxes(message.get(), GMIME_ADDRESS_TYPE_BCC, draft.bcc);
    g_mime_message_set_subject(message.get(), oneLine(draft.subject).toUtf8().constData(), "utf-8");
    const QDateTime date = draft.date.isValid() ? draft.date : QDateTime::currentDateTime();
    GTimeZone *zone = g_time_zone_new_offset(date.offsetFromUtc());
    GDateTime *utc = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    GDateTime *local = g_date_time_to_timezone(utc, zone);
    g_mime_message_set_date(message.get(), local);
    g_date_time_unref(local);
    g_date_time_unref(utc);
    g_time_zone_unref(zone);
    g_mime_message_set_message_id(message.get(), result.messageId.toUtf8().constData());
    if (!draft.inReplyTo.isEmpty())
        g_mime_object_set_header(GMIME_OBJECT(message.get()), "In-Reply-To", angle(oneLine(draft.inReplyTo)).constData(), nullptr);
    if (!draft.references.isEmpty()) {
        QByteArray refs;
        for (const QString &r : draft.references)
            refs += (refs.isEmpty() ? QByteArray() : QByteArrayLiteral(" ")) + angle(oneLine(r));
        g_mime_object_set_header(GMIME_OBJECT(message.get()), "References", refs.constData(), nullptr);
    }
    g_mime_object_set_header(GMIME_OBJECT(message.get()), "User-Agent", "Kurier", nullptr);

    // Body: text, or text + HTML as alternatives; the HTML with its inline parts as
    // multipart/related (RFC 2387); attachments around it in multipart/mixed.
    QList<GMimeObject *> inlineParts;
    QList<GMimeObject *> attachments;
    for (const DraftAttachment &a : draft.attachments)
        (a.contentId.isEmpty() || draft.html.isEmpty() ? attachments : inlineParts).append(attachmentPart(a));
    GMimeObject *body = textPart("plain", draft.text);
    if (!draft.html.isEmpty()) {
        GMimeObject *html = textPart("html", draft.html);
        if (!inlineParts.isEmpty())
            html = multipart("related", QList<GMimeObject *>{html} + inlineParts);
        body = multipart("alternative", {body, html});
    }
    if (!attachments.isEmpty())
        body = multipart("mixed", QList<GMimeObject *>{body} + attachments);
    g_mime_message_set_mime_part(message.get(), body);
    g_object_unref(body);

    GMimeFormatOptions *options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    GObjectRef<GMimeStream> out(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(GMIME_OBJECT(message.get()), options, out.get()) < 0)
        result.error = QStringLiteral("GMime could not write the message");
    g_mime_format_options_free(options);
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    result.data = QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
    return result;
}

} // namespace kurier::mime
