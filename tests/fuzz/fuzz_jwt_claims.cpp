// JWT payload decoding for diagnostics: arbitrary tokens and arbitrary payload JSON.
#include "FuzzSupport.h"
#include "oauth/JwtClaims.h"

using namespace kurier::oauth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)JwtClaims::decode(QString::fromUtf8(raw));
    // The same bytes as a payload inside a well-formed token.
    const QByteArray token = QByteArrayLiteral("eyJhbGciOiJub25lIn0.")
        + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + QByteArrayLiteral(".sig");
    if (const auto claims = JwtClaims::decode(QString::fromLatin1(token)))
        (void)claims->audienceIsExchangeOnline();
    return 0;
}
