// SMTP replies from a hostile server (RFC 5321 §4.2, RFC 3463): fed whole and byte by byte,
// the replies must be the same.
#include "FuzzSupport.h"
#include "smtp/SmtpReplyParser.h"

using kurier::smtp::SmtpReplyParser;

namespace {
QByteArray run(const QByteArray &stream, bool byteByByte)
{
    SmtpReplyParser parser;
    QByteArray trace;
    auto drain = [&] {
        for (const auto &r : parser.takeReplies())
            trace += QByteArray::number(r.code) + ':' + r.toDisplayString().toUtf8() + '\n';
    };
    if (byteByByte) {
        for (qsizetype i = 0; i < stream.size() && !parser.hasError(); ++i) {
            parser.feed(stream.mid(i, 1));
            drain();
        }
    } else {
        parser.feed(stream);
        drain();
    }
    if (parser.hasError())
        trace += "error";
    return trace;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray stream(reinterpret_cast<const char *>(data), qsizetype(size));
    if (run(stream, false) != run(stream, true))
        __builtin_trap();
    return 0;
}
