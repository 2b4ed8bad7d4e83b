// Token endpoint answers (RFC 6749 §5.1/§5.2) from a hostile or broken server: parse, diagnose,
// redact, cache round trip. Input: first byte picks the HTTP status, the rest is the body.
#include "FuzzSupport.h"
#include "oauth/JwtClaims.h"
#include "oauth/OAuthDiagnostics.h"
#include "oauth/Redaction.h"
#include "oauth/TokenResponse.h"

using namespace kurier::oauth;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kurier::fuzz::ensureApplication();
    if (size == 0)
        return 0;
    static const int statuses[] = {200, 201, 400, 401, 403, 404, 429, 500, 502, 503};
    const int status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1795000000, Qt::UTC);
    const auto result = TokenResponse::parse(status, body, now);
    if (const auto *error = std::get_if<OAuthError>(&result)) {
        (void)error->aadstsCode();
        for (SignInMethod m : {SignInMethod::Password, SignInMethod::Browser}) {
            const auto d = OAuthDiagnostics::diagnose(*error, {m, bool(size & 1), QStringLiteral("https://login.microsoftonline.com/t/oauth2/v2.0/token")});
            if (d.summary.isEmpty() || d.cause.isEmpty() || d.fix.isEmpty())
                __builtin_trap(); // every failure must be explained
            (void)d.toText();
        }
    } else {
        const Token &t = std::get<Token>(result);
        if (t.accessToken.isEmpty())
            __builtin_trap();
        (void)JwtClaims::decode(t.accessToken);
        const Token back = Token::fromCacheJson(t.toCacheJson());
        if (back.accessToken != t.accessToken || back.expiresAt.toSecsSinceEpoch() != t.expiresAt.toSecsSinceEpoch())
            __builtin_trap(); // the keychain cache must round-trip
    }
    const QByteArray redacted = Redaction::redactJson(body);
    (void)Redaction::redactForm(body);
    (void)TokenResponse::excerpt(body);
    (void)redacted;
    return 0;
}
