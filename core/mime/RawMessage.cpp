#include "mime/GMimeRuntime.h" // first: GMime before Qt (see there)

#include "mime/RawMessage.h"

namespace kurier::mime {

namespace {

void flatten(InternetAddressList *list, QList<MailAddress> *out)
{
    if (!list)
        return;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress *ia = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
            const char *name = internet_address_get_name(ia);
            out->append({name ? QString::fromUtf8(name) : QString(),
                         QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)))});
        } else if (INTERNET_ADDRESS_IS_GROUP(ia)) {
            flatten(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out);
        }
    }
}

} // namespace

QList<MailAddress> RawMessage::parseAddressList(const QString &text)
{
    ensureGMime();
    QList<MailAddress> result;
    InternetAddressList *list = internet_address_list_parse(nullptr, text.toUtf8().constData());
    if (!list)
        return result;
    flatten(list, &result);
    g_object_unref(list);
    // An entry without "@" is not something to send to.
    result.removeIf([](const MailAddress &a) { return !a.address.contains(u'@'); });
    return result;
}

RawMessage::Envelope RawMessage::envelopeFromHeaders(const QByteArray &message)
{
    ensureGMime();
    Envelope e;
    // Only the header block (up to the first empty line, RFC 5322 §2.1): the envelope is in
    // it, and a 25 MB message need not be scanned for its MIME structure to find it.
    qsizetype end = message.size();
    for (qsizetype pos = 0; pos < message.size();) {
        const qsizetype eol = message.indexOf('\n', pos);
        if (eol < 0)
            break;
        if (eol == pos || (eol == pos + 1 && message[pos] == '\r')) {
            end = eol + 1;
            break;
        }
        pos = eol + 1;
    }
    GObjectRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(message.constData(), static_cast<size_t>(end)));
    GObjectRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GObjectRef<GMimeMessage> m(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!m)
        return e;
    QList<MailAddress> from;
    flatten(g_mime_message_get_from(m.get()), &from);
    e.from = from.value(0).address;
    flatten(g_mime_message_get_to(m.get()), &e.to);
    flatten(g_mime_message_get_cc(m.get()), &e.to);
    flatten(g_mime_message_get_bcc(m.get()), &e.to);
    return e;
}

QByteArray RawMessage::withoutHeader(const QByteArray &message, const QByteArray &name)
{
    QByteArray out;
    out.reserve(message.size());
    qsizetype pos = 0;
    bool dropping = false;
    const QByteArray prefix = name.toLower() + ':';
    while (pos < message.size()) {
        qsizetype eol = message.indexOf('\n', pos);
        const qsizetype next = eol < 0 ? message.size() : eol + 1;
        const QByteArray line = message.mid(pos, next - pos);
        if (line == "\n" || line == "\r\n") { // end of the header
            out += message.mid(pos);
            return out;
        }
        const bool continuation = line.startsWith(' ') || line.startsWith('\t');
        if (!continuation)
            dropping = line.toLower().startsWith(prefix);
        if (!dropping)
            out += line;
        pos = next;
    }
    return out;
}

} // namespace kurier::mime
