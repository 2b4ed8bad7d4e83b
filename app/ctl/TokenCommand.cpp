#include "ctl/TokenCommand.h"

#include "oauth/Endpoints.h"
#include "oauth/JwtClaims.h"
#include "oauth/TokenProvider.h"
#include "store/AccountManager.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

TokenCommand::TokenCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err)
    : m_accounts(accounts)
    , m_out(out)
    , m_err(err)
{
}

QString TokenCommand::usage()
{
    return QStringLiteral("  kurierctl token P [--force] [--password-stdin] [--open-browser]\n"
                          "      Gets an OAuth 2.0 access token for account P with its sign-in method and shows\n"
                          "      its audience, scopes, user and expiry (never the token itself).\n");
}

void TokenCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    QCommandLineParser parser;
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Get a new token even if one is cached."));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), QStringLiteral("Read the password from standard input."));
    const QCommandLineOption openBrowser(QStringLiteral("open-browser"), QStringLiteral("Open the sign-in page with xdg-open."));
    parser.addOptions({force, passwordStdin, openBrowser});
    if (!parser.parse(QStringList{QStringLiteral("kurierctl")} + args) || parser.positionalArguments().size() != 1) {
        m_err << "kurierctl: " << (parser.errorText().isEmpty() ? QStringLiteral("token needs exactly one prefix") : parser.errorText())
              << "\n\n" << usage();
        m_err.flush();
        finished(2);
        return;
    }
    const auto account = m_accounts->findByPrefix(parser.positionalArguments().first());
    if (!account) {
        m_err << "kurierctl: no account with prefix \"" << parser.positionalArguments().first() << "\"\n";
        m_err.flush();
        finished(1);
        return;
    }
    if (!account->oauth.enabled) {
        m_err << "kurierctl: account " << account->prefix << " does not use OAuth 2.0\n";
        m_err.flush();
        finished(2);
        return;
    }
    auto *provider = new oauth::TokenProvider(*account, m_accounts->secretStore(), m_accounts);
    if (parser.isSet(passwordStdin)) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            QByteArray line = in.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            provider->setSessionSecret(store::SecretName::Pop3Password, QString::fromUtf8(line));
        }
    }
    const bool open = parser.isSet(openBrowser);
    QObject::connect(provider, &oauth::TokenProvider::browserSignInRequired, provider, [this, open](const QUrl &url) {
        m_err << "Sign in with your browser at:\n  " << url.toString(QUrl::FullyEncoded) << "\n";
        m_err.flush();
        if (open)
            QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
    });
    QObject::connect(provider, &oauth::TokenProvider::deviceCodeSignInRequired, provider,
                     [this](const oauth::DeviceCodePrompt &prompt) {
        m_err << "To sign in, open " << prompt.verificationUri.toString() << " and enter the code " << prompt.userCode
              << "\n";
        m_err.flush();
    });
    provider->requestToken(
        [this, provider, finished, account = *account](const oauth::TokenProvider::Result &result) {
            provider->deleteLater();
            if (!result.ok()) {
                m_err << "kurierctl: " << result.diagnostic.toText() << '\n';
                m_err.flush();
                finished(1);
                return;
            }
            const oauth::Token &t = result.token;
            m_out << "account:   " << account.prefix << " <" << account.email << ">\n";
            if (t.expiresAt.isValid()) {
                const qint64 minutes = QDateTime::currentDateTimeUtc().secsTo(t.expiresAt) / 60;
                m_out << "expires:   " << t.expiresAt.toString(Qt::ISODate) << " (in " << minutes << " min)\n";
            } else {
                m_out << "expires:   unknown\n";
            }
            if (const auto claims = oauth::JwtClaims::decode(t.accessToken)) {
                m_out << "audience:  " << claims->audience << '\n';
                if (!claims->scopes.isEmpty())
                    m_out << "scopes:    " << claims->scopes.join(u' ') << '\n';
                if (!claims->roles.isEmpty())
                    m_out << "roles:     " << claims->roles.join(u' ') << '\n';
                if (!claims->user.isEmpty())
                    m_out << "user:      " << claims->user << '\n';
                if (!claims->tenantId.isEmpty())
                    m_out << "tenant:    " << claims->tenantId << '\n';
                if (oauth::isMicrosoftTokenEndpoint(account.oauth.tokenEndpoint) && !claims->audienceIsExchangeOnline())
                    m_err << "warning: the token is for " << claims->audience
                          << ", not Exchange Online; POP3 and SMTP will refuse it. Use the scope "
                             "https://outlook.office365.com/.default\n";
                if (!claims->user.isEmpty() && claims->user.compare(account.pop3User(), Qt::CaseInsensitive) != 0)
                    m_err << "warning: the token belongs to " << claims->user << ", but the account's user is "
                          << account.pop3User() << "\n";
            } else {
                m_out << "token:     opaque (not a JWT)\n";
            }
            m_out.flush();
            m_err.flush();
            finished(0);
        },
        parser.isSet(force));
}

} // namespace kurier::ctl
