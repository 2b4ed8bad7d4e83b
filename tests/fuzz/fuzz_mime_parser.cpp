// Messages from anywhere (RFC 5322, MIME): parsing for display, the envelope from the headers
// and removing a header must neither crash nor hang (ASan/UBSan), whatever the bytes.
#include "FuzzSupport.h"
#include "mime/MessageParser.h"
#include "mime/RawMessage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray message(reinterpret_cast<const char *>(data), qsizetype(size));
    const kurier::mime::ParsedMessage parsed = kurier::mime::MessageParser::parse(message);
    for (const auto &part : parsed.attachments)
        (void)parsed.partByContentId(part.contentId);
    (void)kurier::mime::RawMessage::envelopeFromHeaders(message);
    const QByteArray stripped = kurier::mime::RawMessage::withoutHeader(message, "Bcc");
    if (stripped.size() > message.size())
        __builtin_trap();
    (void)kurier::mime::RawMessage::parseAddressList(QString::fromUtf8(message.left(2000)));
    return 0;
}
