// Every account field with arbitrary text: validation answers, never crashes, and every
// one-click fix leads to an account without that warning's cause.
#include "FuzzSupport.h"
#include "store/AccountValidator.h"

using namespace kurier::store;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kurier::fuzz::ensureApplication();
    const QList<QByteArray> f = kurier::fuzz::fields(data, size, 13);
    auto text = [&f](int i) { return QString::fromUtf8(f[i]); };
    Account a;
    a.id = QStringLiteral("fuzz");
    a.prefix = text(0);
    a.email = text(1);
    a.pop3.host = text(2);
    a.pop3.port = f[3].size() ? int(f[3].at(0)) * 1000 + f[3].size() : 0;
    a.smtp.host = text(4);
    a.oauth.enabled = size % 2 == 0;
    a.oauth.tokenEndpoint = text(5);
    a.oauth.clientId = text(6);
    a.oauth.scope = text(7);
    a.oauth.authorizationEndpoint = text(8);
    a.senderName = text(9);
    a.signature = text(12);
    a.oauth.method = static_cast<kurier::oauth::SignInMethod>(size % 4);
    a.pop3.security = static_cast<Security>(size % 3);
    a.smtp.security = static_cast<Security>((size / 3) % 3);
    SecretUpdate secrets;
    secrets.set(SecretName::Pop3Password, text(10));
    secrets.set(SecretName::OAuthClientSecret, text(11));
    Account other = a;
    other.id = QStringLiteral("other");
    const auto issues = AccountValidator::validate(a, secrets, {other});
    for (const auto &issue : issues) {
        if (issue.message.isEmpty())
            __builtin_trap();
        if (issue.fix) {
            Account fixed = a;
            issue.fix(fixed);
        }
    }
    (void)AccountValidator::isValidEmail(text(1));
    (void)AccountValidator::isValidHostName(text(2));
    (void)AccountValidator::isLoopbackHost(text(2));
    return 0;
}
