// POP3 replies from a hostile server (RFC 1939, RFC 2449): expectations come from the input,
// the bytes are fed in chunks whose sizes come from the input too. The data of a multi-line
// reply must arrive whole and identical whether it was fed in one piece or byte by byte.
#include "FuzzSupport.h"
#include "pop3/Pop3Parser.h"

using kurier::pop3::Pop3Parser;

namespace {
QByteArray run(const QByteArray &stream, const QByteArray &script, bool byteByByte)
{
    Pop3Parser parser;
    parser.setMaxLineLength(4096);
    for (char c : script)
        parser.expect(static_cast<Pop3Parser::Expect>(static_cast<unsigned char>(c) % 3));
    QByteArray trace;
    bool lastWasData = false;
    auto drain = [&] {
        for (const auto &e : parser.takeEvents()) {
            // Data may come in any number of events; only its concatenation counts.
            const bool isData = e.type == Pop3Parser::Event::Type::Data;
            if (!(isData && lastWasData))
                trace += char('0' + int(e.type));
            lastWasData = isData;
            if (isData)
                trace += e.data;
            else if (e.type == Pop3Parser::Event::Type::Reply)
                trace += e.reply.text();
        }
    };
    if (byteByByte) {
        for (qsizetype i = 0; i < stream.size() && !parser.hasFailed(); ++i) {
            parser.feed(QByteArrayView(stream.constData() + i, 1));
            drain();
        }
    } else {
        parser.feed(stream);
        drain();
    }
    return trace;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto f = kurier::fuzz::fields(data, size, 2);
    const QByteArray script = f[0].left(16);
    const QByteArray stream = f[1];
    const QByteArray whole = run(stream, script, false);
    const QByteArray split = run(stream, script, true);
    if (whole != split)
        __builtin_trap(); // split reads must not change what the parser makes of the stream
    return 0;
}
