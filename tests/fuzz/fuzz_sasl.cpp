// SASL: the server's OAuth error challenge (RFC 7628 §3.2.2), mechanism lists, transcript
// redaction of arbitrary command lines.
#include "FuzzSupport.h"
#include "sasl/Mechanism.h"
#include "sasl/SaslMessages.h"

using namespace kurier::sasl;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto failure = parseOAuthFailure(raw))
        (void)failure->tokenRejected();
    (void)chooseMechanism(raw.split(' '), true);
    (void)chooseMechanism(raw.split(' '), false);
    const QByteArray redacted = redactAuthCommand(raw);
    // An AUTH line keeps only verb and mechanism; anything else keeps at most its verb.
    const QList<QByteArray> words = raw.trimmed().split(' ');
    if (words.size() >= 3 && words[0].compare("AUTH", Qt::CaseInsensitive) == 0
        && redacted != words[0] + ' ' + words[1] + QByteArrayLiteral(" <redacted>"))
        __builtin_trap();
    if (words.size() >= 2 && words[0].compare("PASS", Qt::CaseInsensitive) == 0 && redacted != "PASS <redacted>"
        && redacted != words[0] + QByteArrayLiteral(" <redacted>"))
        __builtin_trap();
    return 0;
}
