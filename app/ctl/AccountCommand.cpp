#include "ctl/AccountCommand.h"

#include "discovery/AccountProposal.h"
#include "discovery/Discovery.h"
#include "net/SslTransport.h"

#include "oauth/ProviderPreset.h"
#include "store/AccountManager.h"
#include "store/AccountValidator.h"

#include <memory>
#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

namespace {

using store::Account;
using store::AccountField;

QString optionFor(AccountField field)
{
    switch (field) {
    case AccountField::Prefix: return QStringLiteral("--prefix");
    case AccountField::Email: return QStringLiteral("--email");
    case AccountField::SenderName: return QStringLiteral("--name");
    case AccountField::Signature: return QStringLiteral("--signature-file");
    case AccountField::Pop3Host: return QStringLiteral("--pop3-host");
    case AccountField::Pop3Port: return QStringLiteral("--pop3-port");
    case AccountField::Pop3User: return QStringLiteral("--pop3-user");
    case AccountField::Pop3Password: return QStringLiteral("--password-stdin / KURIER_PASSWORD");
    case AccountField::Pop3Security: return QStringLiteral("--pop3-security");
    case AccountField::OAuthTokenEndpoint: return QStringLiteral("--oauth-endpoint");
    case AccountField::OAuthClientId: return QStringLiteral("--oauth-client-id");
    case AccountField::OAuthClientSecret: return QStringLiteral("KURIER_CLIENT_SECRET");
    case AccountField::OAuthScope: return QStringLiteral("--oauth-scope");
    case AccountField::OAuthMethod: return QStringLiteral("--oauth-method");
    case AccountField::OAuthAuthorizationEndpoint: return QStringLiteral("--oauth-authorization-endpoint");
    case AccountField::SmtpHost: return QStringLiteral("--smtp-host");
    case AccountField::SmtpPort: return QStringLiteral("--smtp-port");
    case AccountField::SmtpSecurity: return QStringLiteral("--smtp-security");
    case AccountField::SmtpUser: return QStringLiteral("--smtp-user");
    case AccountField::SmtpPassword: return QStringLiteral("KURIER_SMTP_PASSWORD");
    case AccountField::ExtraCaFile: return QStringLiteral("--ca-file");
    }
    return {};
}

struct Options {
    QCommandLineOption prefix{QStringLiteral("prefix"), QStringLiteral("Short label (1–10 of A-Z a-z 0-9 - _)."), QStringLiteral("P")};
    QCommandLineOption email{QStringLiteral("email"), QStringLiteral("Mail address."), QStringLiteral("ADDR")};
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("Sender name."), QStringLiteral("NAME")};
    QCommandLineOption signatureFile{QStringLiteral("signature-file"), QStringLiteral("Signature: the text of this UTF-8 file (empty: none)."), QStringLiteral("FILE")};
    QCommandLineOption isDefault{QStringLiteral("default"), QStringLiteral("Make this the default account.")};
    QCommandLineOption preset{QStringLiteral("preset"), QStringLiteral("microsoft365 or gmail."), QStringLiteral("PRESET")};
    QCommandLineOption tenant{QStringLiteral("tenant"), QStringLiteral("Microsoft tenant ID or domain."), QStringLiteral("T")};
    QCommandLineOption pop3Host{QStringLiteral("pop3-host"), QStringLiteral("POP3 server."), QStringLiteral("H")};
    QCommandLineOption pop3Port{QStringLiteral("pop3-port"), QStringLiteral("POP3 port (0: default)."), QStringLiteral("N")};
    QCommandLineOption pop3Security{QStringLiteral("pop3-security"), QStringLiteral("tls, starttls or none."), QStringLiteral("S")};
    QCommandLineOption pop3User{QStringLiteral("pop3-user"), QStringLiteral("POP3 user name (default: the address)."), QStringLiteral("U")};
    QCommandLineOption leaveOnServer{QStringLiteral("leave-on-server"), QStringLiteral("keep, delete-after-days or delete-after-download."), QStringLiteral("POLICY")};
    QCommandLineOption deleteAfterDays{QStringLiteral("delete-after-days"), QStringLiteral("Days for delete-after-days."), QStringLiteral("N")};
    QCommandLineOption oauth{QStringLiteral("oauth"), QStringLiteral("Enable OAuth 2.0.")};
    QCommandLineOption noOAuth{QStringLiteral("no-oauth"), QStringLiteral("Disable OAuth 2.0.")};
    QCommandLineOption oauthEndpoint{QStringLiteral("oauth-endpoint"), QStringLiteral("Token endpoint URL."), QStringLiteral("URL")};
    QCommandLineOption oauthClientId{QStringLiteral("oauth-client-id"), QStringLiteral("Client ID."), QStringLiteral("ID")};
    QCommandLineOption oauthScope{QStringLiteral("oauth-scope"), QStringLiteral("Scope."), QStringLiteral("S")};
    QCommandLineOption oauthMethod{QStringLiteral("oauth-method"), QStringLiteral("password, browser, device or client-credentials."), QStringLiteral("M")};
    QCommandLineOption oauthAuthorizationEndpoint{QStringLiteral("oauth-authorization-endpoint"), QStringLiteral("Authorization endpoint (when not derivable)."), QStringLiteral("URL")};
    QCommandLineOption oauthSecretValidUntil{QStringLiteral("oauth-secret-valid-until"), QStringLiteral("Expiry date of the client secret (YYYY-MM-DD)."), QStringLiteral("DATE")};
    QCommandLineOption smtpHost{QStringLiteral("smtp-host"), QStringLiteral("SMTP server."), QStringLiteral("H")};
    QCommandLineOption smtpPort{QStringLiteral("smtp-port"), QStringLiteral("SMTP port (0: default)."), QStringLiteral("N")};
    QCommandLineOption smtpSecurity{QStringLiteral("smtp-security"), QStringLiteral("tls, starttls or none."), QStringLiteral("S")};
    QCommandLineOption smtpAuth{QStringLiteral("smtp-auth"), QStringLiteral("same, password or none."), QStringLiteral("A")};
    QCommandLineOption smtpUser{QStringLiteral("smtp-user"), QStringLiteral("SMTP user name (with --smtp-auth password)."), QStringLiteral("U")};
    QCommandLineOption heloName{QStringLiteral("helo-name"), QStringLiteral("Name sent with EHLO."), QStringLiteral("NAME")};
    QCommandLineOption caFile{QStringLiteral("ca-file"), QStringLiteral("Extra trusted CA certificates (PEM)."), QStringLiteral("PEM")};
    QCommandLineOption trustCertificate{QStringLiteral("trust-certificate"), QStringLiteral("Trust exactly the server certificate with this SHA-256 fingerprint (as kurierctl check/fetch print it)."), QStringLiteral("SHA256")};
    QCommandLineOption untrustCertificates{QStringLiteral("untrust-certificates"), QStringLiteral("Forget all certificates trusted for this account.")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"), QStringLiteral("Read the POP3 password from standard input.")};
    QCommandLineOption acceptUnencrypted{QStringLiteral("accept-unencrypted"), QStringLiteral("Allow security \"none\" (credentials in clear text).")};
    QCommandLineOption askForSecrets{QStringLiteral("no-keychain"), QStringLiteral("Store no secrets; ask for them each time.")};
    QCommandLineOption discover{QStringLiteral("discover"), QStringLiteral("Find the servers from the address (kurierctl discover).")};
    QCommandLineOption ispdb{QStringLiteral("ispdb"), QStringLiteral("ISPDB base URL for --discover."), QStringLiteral("URL")};
    QCommandLineOption discoverTimeout{QStringLiteral("discover-timeout"), QStringLiteral("Seconds per discovery source."), QStringLiteral("S")};
    QCommandLineOption probePort{QStringLiteral("probe-port"), QStringLiteral("Probe this port for a service instead of the well-known one (pop3s, pop3, submissions, submission), e.g. pop3s=10995; repeatable."), QStringLiteral("SERVICE=PORT")};
    QCommandLineOption confirmElsewhere{QStringLiteral("confirm-elsewhere"), QStringLiteral("Use discovered servers outside the address's domain.")};

    void addTo(QCommandLineParser &p) const
    {
        p.addOptions({prefix, email, name, signatureFile, isDefault, preset, tenant, pop3Host, pop3Port, pop3Security, pop3User,
                      leaveOnServer, deleteAfterDays, oauth, noOAuth, oauthEndpoint, oauthClientId, oauthScope,
                      oauthMethod, oauthAuthorizationEndpoint, oauthSecretValidUntil, smtpHost, smtpPort,
                      smtpSecurity, smtpAuth, smtpUser, heloName, caFile, trustCertificate, untrustCertificates,
                      passwordStdin, acceptUnencrypted,
                      askForSecrets, discover, ispdb, discoverTimeout, probePort, confirmElsewhere});
    }
};

bool parsePort(const QString &text, int *port)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return false;
    *port = value; // range checked by the validator, with the dialog's message
    return true;
}

QString readLineFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

struct AccountCommand::DiscoveryJob {
    QNetworkAccessManager network;
    std::unique_ptr<discovery::Discovery> discovery;
};

AccountCommand::AccountCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err)
    : m_accounts(accounts)
    , m_out(out)
    , m_err(err)
{
}

AccountCommand::~AccountCommand() = default;

void AccountCommand::discover(const QString &address, const QString &name, const QString &ispdb, const QString &timeout,
                              const QStringList &probePorts, const QString &caFile, bool confirmElsewhere, std::function<void(Account)> found,
                              std::function<void(int)> finished)
{
    discovery::Discovery::Settings settings;
    if (!ispdb.isEmpty())
        settings.ispdbBaseUrl = QUrl(ispdb, QUrl::StrictMode);
    if (!ispdb.isEmpty() && (!settings.ispdbBaseUrl.isValid() || settings.ispdbBaseUrl.scheme() != u"https")) {
        m_err << "kurierctl: --ispdb needs an https URL\n";
        finished(Usage);
        return;
    }
    if (!timeout.isEmpty()) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 600) {
            m_err << "kurierctl: --discover-timeout needs a number of seconds (up to 600)\n";
            finished(Usage);
            return;
        }
        settings.timeoutMs = int(seconds * 1000);
    }
    for (const QString &p : probePorts) {
        if (!discovery::Probe::setPort(&settings.probePorts, p)) {
            m_err << "kurierctl: --probe-port needs SERVICE=PORT with pop3s, pop3, submissions or submission\n";
            finished(Usage);
            return;
        }
    }
    // The account's own CA (an organisation's) is trusted for its autoconfig server as well.
    if (!caFile.isEmpty())
        settings.extraCaCertificates = net::SslTransport::loadCaFile(caFile);
    m_discovery = std::make_unique<DiscoveryJob>();
    m_discovery->discovery = std::make_unique<discovery::Discovery>(&m_discovery->network, settings);
    discovery::Discovery *d = m_discovery->discovery.get();
    QObject::connect(d, &discovery::Discovery::finished, d, [this, d, address, name, confirmElsewhere, found, finished] {
        const auto best = d->best();
        if (!best) {
            m_err << "kurierctl: " << QCoreApplication::translate("AccountCommand", "no servers found for %1 (kurierctl discover %1 says why); give them with --pop3-host and --smtp-host").arg(address) << '\n';
            m_err.flush();
            finished(Failure);
            return;
        }
        if (best->pointsElsewhere && !confirmElsewhere) {
            m_err << "kurierctl: " << QCoreApplication::translate("AccountCommand", "the servers found (%1) are outside %2; add --confirm-elsewhere if this provider hosts your mail")
                         .arg(best->origin, address.section(u'@', -1)) << '\n';
            m_err.flush();
            finished(Failure);
            return;
        }
        const discovery::AccountProposal proposal = discovery::AccountProposal::from(*best, address, name);
        m_out << QCoreApplication::translate("AccountCommand", "found by %1: %2").arg(discovery::Discovery::sourceName(best->source), best->origin) << '\n';
        for (const QString &note : proposal.notes)
            m_err << "warning: " << note << '\n';
        found(proposal.account);
    });
    d->start(address);
}

QString AccountCommand::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  kurierctl account list\n"
        "  kurierctl account add --prefix P --email ADDR [--name NAME] [--signature-file FILE] [--default]\n"
        "      [--preset microsoft365 --tenant T | --preset gmail]\n"
        "      --pop3-host H [--pop3-port N] [--pop3-security tls|starttls|none] [--pop3-user U]\n"
        "      [--leave-on-server keep|delete-after-days|delete-after-download] [--delete-after-days N]\n"
        "      [--oauth --oauth-endpoint URL --oauth-client-id ID [--oauth-scope S]\n"
        "               [--oauth-method password|browser|device|client-credentials]\n"
        "               [--oauth-authorization-endpoint URL] [--oauth-secret-valid-until YYYY-MM-DD]]\n"
        "      [--smtp-host H] [--smtp-port N] [--smtp-security tls|starttls|none]\n"
        "      [--smtp-auth same|password|none] [--smtp-user U] [--helo-name NAME] [--ca-file PEM]\n"
        "      [--trust-certificate SHA256]… [--untrust-certificates]\n"
        "      [--accept-unencrypted] [--no-keychain] [--password-stdin]\n"
        "  kurierctl account add --prefix P --email ADDR --discover [--ispdb URL] [--discover-timeout S]\n"
        "      [--probe-port SERVICE=PORT]… [--confirm-elsewhere] [any option above, which wins over what was found]\n"
        "      The servers from the address alone (as kurierctl discover finds them); servers outside\n"
        "      the address's domain need --confirm-elsewhere.\n"
        "  kurierctl account edit P [same options; --no-oauth turns OAuth off]\n"
        "  kurierctl account remove P\n"
        "  kurierctl account set-default P\n"
        "\n"
        "Secrets are never taken from the command line: --password-stdin reads the POP3 password\n"
        "from standard input; KURIER_PASSWORD, KURIER_SMTP_PASSWORD and KURIER_CLIENT_SECRET are\n"
        "read from the environment.\n");
}

void AccountCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == u"list" && rest.isEmpty())
        list(std::move(finished));
    else if (verb == u"add")
        addOrEdit(true, rest, std::move(finished));
    else if (verb == u"edit")
        addOrEdit(false, rest, std::move(finished));
    else if (verb == u"remove" || verb == u"delete")
        remove(rest, std::move(finished));
    else if (verb == u"set-default")
        setDefault(rest, std::move(finished));
    else {
        m_err << usage();
        m_err.flush();
        finished(Usage);
    }
}

void AccountCommand::list(std::function<void(int)> finished)
{
    QString error;
    if (!m_accounts->reload(&error)) {
        m_err << "kurierctl: " << error << '\n';
        finished(Failure);
        return;
    }
    for (const Account &a : m_accounts->accounts()) {
        const QString auth = a.oauth.enabled ? QStringLiteral("oauth:") + oauth::signInMethodToKey(a.oauth.method)
                                             : QStringLiteral("password");
        m_out << (a.isDefault ? "* " : "  ") << a.prefix.leftJustified(10) << ' ' << a.email << "  pop3 "
              << a.pop3.host << ':' << a.pop3.effectivePort() << ' ' << store::securityToKey(a.pop3.security)
              << "  smtp " << a.smtp.host << ':' << a.smtp.effectivePort() << ' '
              << store::securityToKey(a.smtp.security) << "  " << auth << '\n';
    }
    m_out.flush();
    finished(Ok);
}

void AccountCommand::addOrEdit(bool add, const QStringList &args, std::function<void(int)> finished)
{
    auto parser = std::make_shared<QCommandLineParser>();
    parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto o = std::make_shared<const Options>();
    o->addTo(*parser);
    if (!parser->parse(QStringList{QStringLiteral("kurierctl")} + args)) {
        m_err << "kurierctl: " << parser->errorText() << "\n\n" << usage();
        finished(Usage);
        return;
    }
    const QStringList positional = parser->positionalArguments();
    Account start; // the stored account when editing
    QString error;
    if (!m_accounts->reload(&error)) {
        m_err << "kurierctl: " << error << '\n';
        finished(Failure);
        return;
    }
    if (add) {
        if (!positional.isEmpty()) {
            m_err << "kurierctl: unexpected argument \"" << positional.first() << "\"\n";
            finished(Usage);
            return;
        }
    } else {
        if (positional.size() != 1) {
            m_err << "kurierctl: account edit needs exactly one prefix\n";
            finished(Usage);
            return;
        }
        const auto existing = m_accounts->findByPrefix(positional.first());
        if (!existing) {
            m_err << "kurierctl: no account with prefix \"" << positional.first() << "\"\n";
            finished(Failure);
            return;
        }
        start = *existing;
    }

    // Everything the options say, on top of `account` (the stored one, the discovered one or
    // an empty one), then validated and saved.
    auto proceed = [this, parser, o, finished](Account account) {
        QStringList usageErrors;
        if (parser->isSet(o->preset)) {
            oauth::ProviderPreset preset;
            if (!oauth::providerPresetFromKey(parser->value(o->preset), &preset)) {
                usageErrors << QStringLiteral("--preset must be microsoft365 or gmail");
            } else if (preset == oauth::ProviderPreset::Microsoft365) {
                const QString tenant = parser->value(o->tenant);
                if (!oauth::isValidMicrosoftTenant(tenant))
                    usageErrors << QStringLiteral("--tenant: the Microsoft 365 preset needs the tenant ID (a GUID) or a verified domain");
                else
                    oauth::applyMicrosoft365(account, tenant);
            } else {
                oauth::applyGmail(account);
            }
        } else if (parser->isSet(o->tenant)) {
            usageErrors << QStringLiteral("--tenant only goes with --preset microsoft365");
        }

        auto setText = [&](const QCommandLineOption &opt, QString &field) {
            if (parser->isSet(opt))
                field = parser->value(opt);
        };
        auto setPort = [&](const QCommandLineOption &opt, int &field) {
            if (parser->isSet(opt) && !parsePort(parser->value(opt), &field))
                usageErrors << QStringLiteral("--%1 must be a number").arg(opt.names().first());
        };
        auto setSecurity = [&](const QCommandLineOption &opt, store::Security &field) {
            if (parser->isSet(opt) && !store::securityFromKey(parser->value(opt), &field))
                usageErrors << QStringLiteral("--%1 must be tls, starttls or none").arg(opt.names().first());
        };
        setText(o->prefix, account.prefix);
        setText(o->email, account.email);
        setText(o->name, account.senderName);
        if (parser->isSet(o->signatureFile)) {
            // Read here, stored in the settings: the file may be gone later. Line ends as typed in
            // the dialog ("\n"), the file's last line end dropped.
            const QString path = parser->value(o->signatureFile);
            QFile file(path);
            if (path.isEmpty()) {
                account.signature.clear();
            } else if (!file.open(QIODevice::ReadOnly)) {
                usageErrors << QStringLiteral("--signature-file: cannot read %1: %2").arg(path, file.errorString());
            } else {
                const QByteArray bytes = file.read(qint64(store::AccountValidator::maxSignatureLength) * 4 + 1);
                QString text = QString::fromUtf8(bytes);
                if (text.startsWith(QChar::ByteOrderMark)) // as some editors save UTF-8
                    text.remove(0, 1);
                text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                while (text.endsWith(u'\n'))
                    text.chop(1);
                account.signature = text; // the validator names a text that is too long
            }
        }
        if (parser->isSet(o->isDefault))
            account.isDefault = true;
        setText(o->pop3Host, account.pop3.host);
        setPort(o->pop3Port, account.pop3.port);
        setSecurity(o->pop3Security, account.pop3.security);
        setText(o->pop3User, account.pop3.user);
        if (parser->isSet(o->leaveOnServer)
            && !store::leaveOnServerFromKey(parser->value(o->leaveOnServer), &account.pop3.leaveOnServer))
            usageErrors << QStringLiteral("--leave-on-server must be keep, delete-after-days or delete-after-download");
        setPort(o->deleteAfterDays, account.pop3.deleteAfterDays);
        if (parser->isSet(o->oauth) && parser->isSet(o->noOAuth))
            usageErrors << QStringLiteral("--oauth and --no-oauth contradict each other");
        if (parser->isSet(o->oauth))
            account.oauth.enabled = true;
        if (parser->isSet(o->noOAuth))
            account.oauth.enabled = false;
        setText(o->oauthEndpoint, account.oauth.tokenEndpoint);
        setText(o->oauthClientId, account.oauth.clientId);
        setText(o->oauthScope, account.oauth.scope);
        if (parser->isSet(o->oauthMethod) && !oauth::signInMethodFromKey(parser->value(o->oauthMethod), &account.oauth.method))
            usageErrors << QStringLiteral("--oauth-method must be password, browser, device or client-credentials");
        setText(o->oauthAuthorizationEndpoint, account.oauth.authorizationEndpoint);
        if (parser->isSet(o->oauthSecretValidUntil)) {
            const QString text = parser->value(o->oauthSecretValidUntil);
            account.oauth.clientSecretValidUntil = QDate::fromString(text, Qt::ISODate);
            if (!text.isEmpty() && !account.oauth.clientSecretValidUntil.isValid())
                usageErrors << QStringLiteral("--oauth-secret-valid-until must be a date YYYY-MM-DD");
        }
        const bool oauthOptionGiven = parser->isSet(o->oauthEndpoint) || parser->isSet(o->oauthClientId)
            || parser->isSet(o->oauthScope) || parser->isSet(o->oauthMethod);
        if (oauthOptionGiven && !account.oauth.enabled)
            usageErrors << QStringLiteral("OAuth options need --oauth");
        setText(o->smtpHost, account.smtp.host);
        setPort(o->smtpPort, account.smtp.port);
        setSecurity(o->smtpSecurity, account.smtp.security);
        if (parser->isSet(o->smtpAuth) && !store::smtpAuthFromKey(parser->value(o->smtpAuth), &account.smtp.auth))
            usageErrors << QStringLiteral("--smtp-auth must be same, password or none");
        setText(o->smtpUser, account.smtp.user);
        setText(o->heloName, account.smtp.heloName);
        if (parser->isSet(o->caFile))
            account.extraCaFile = parser->value(o->caFile).isEmpty() ? QString()
                                                                    : QFileInfo(parser->value(o->caFile)).absoluteFilePath();
        if (parser->isSet(o->untrustCertificates))
            account.trustedCertificates.clear();
        for (const QString &value : parser->values(o->trustCertificate)) {
            // Accept the forms people copy: "ab12…", "AB:12:…", with or without spaces.
            QByteArray hex = value.toLatin1().toLower();
            hex.replace(':', "").replace(' ', "");
            static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
            if (!sha256.match(QString::fromLatin1(hex)).hasMatch())
                usageErrors << QStringLiteral("--trust-certificate needs a SHA-256 fingerprint (64 hex digits)");
            else if (!account.trustedCertificates.contains(hex))
                account.trustedCertificates.append(hex);
        }
        if (parser->isSet(o->acceptUnencrypted)) {
            account.pop3.acceptUnencrypted = account.pop3.security == store::Security::None;
            account.smtp.acceptUnencrypted = account.smtp.security == store::Security::None;
        }
        if (parser->isSet(o->askForSecrets))
            account.askForSecrets = true;

        if (!usageErrors.isEmpty()) {
            for (const QString &e : usageErrors)
                m_err << "kurierctl: " << e << '\n';
            m_err.flush();
            finished(Usage);
            return;
        }

        // Secrets: standard input or the environment, never argv (other users see it in ps).
        store::SecretUpdate secrets;
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (parser->isSet(o->passwordStdin))
            secrets.set(store::SecretName::Pop3Password, readLineFromStdin());
        else if (env.contains(QStringLiteral("KURIER_PASSWORD")))
            secrets.set(store::SecretName::Pop3Password, env.value(QStringLiteral("KURIER_PASSWORD")));
        if (env.contains(QStringLiteral("KURIER_SMTP_PASSWORD")))
            secrets.set(store::SecretName::SmtpPassword, env.value(QStringLiteral("KURIER_SMTP_PASSWORD")));
        if (env.contains(QStringLiteral("KURIER_CLIENT_SECRET")))
            secrets.set(store::SecretName::OAuthClientSecret, env.value(QStringLiteral("KURIER_CLIENT_SECRET")));
        if (account.askForSecrets && !secrets.values().isEmpty()) {
            m_err << "kurierctl: --no-keychain stores no secrets; leave out the password and secret\n";
            finished(Usage);
            return;
        }

        m_accounts->save(account, secrets, [this, finished](const store::AccountManager::SaveResult &r) {
            for (const store::ValidationIssue &issue : r.issues) {
                m_err << (issue.isError() ? "kurierctl: " : "warning: ") << optionFor(issue.field) << ": "
                      << issue.message << '\n';
            }
            if (!r.ok) {
                m_err << "kurierctl: " << r.error << '\n';
                if (r.secretError == secrets::SecretStore::Error::NoBackend)
                    m_err << "kurierctl: to be asked for the password each time instead, add --no-keychain "
                             "and leave out the password\n";
                m_err.flush();
                const bool validation = store::AccountValidator::hasErrors(r.issues);
                finished(validation ? Usage : Failure);
                return;
            }
            m_out << "saved account " << r.account.prefix << (r.account.isDefault ? " (default)" : "") << '\n';
            m_out.flush();
            m_err.flush();
            finished(Ok);
        });
    };
    if (!parser->isSet(o->discover)) {
        proceed(start);
        return;
    }
    if (!add) {
        m_err << "kurierctl: --discover only goes with account add\n";
        finished(Usage);
        return;
    }
    discover(parser->value(o->email), parser->value(o->name), parser->value(o->ispdb), parser->value(o->discoverTimeout),
             parser->values(o->probePort), parser->value(o->caFile), parser->isSet(o->confirmElsewhere), proceed, finished);
}

std::optional<store::Account> AccountCommand::accountNamedBy(const QStringList &args, const char *verb,
                                                            const std::function<void(int)> &finished)
{
    if (args.size() != 1) {
        m_err << "kurierctl: account " << verb << " needs exactly one prefix\n";
        m_err.flush();
        finished(Usage);
        return std::nullopt;
    }
    auto account = m_accounts->findByPrefix(args.first());
    if (!account) {
        m_err << "kurierctl: no account with prefix \"" << args.first() << "\"\n";
        m_err.flush();
        finished(Failure);
    }
    return account;
}

void AccountCommand::remove(const QStringList &args, std::function<void(int)> finished)
{
    const auto account = accountNamedBy(args, "remove", finished);
    if (!account)
        return;
    m_accounts->remove(account->id, [this, finished, prefix = account->prefix](bool ok, const QString &error) {
        if (!ok) {
            m_err << "kurierctl: " << error << '\n';
            m_err.flush();
            finished(Failure);
            return;
        }
        m_out << "removed account " << prefix << '\n';
        if (const auto d = m_accounts->defaultAccount())
            m_out << "default account: " << d->prefix << '\n';
        m_out.flush();
        finished(Ok);
    });
}

void AccountCommand::setDefault(const QStringList &args, std::function<void(int)> finished)
{
    const auto account = accountNamedBy(args, "set-default", finished);
    if (!account)
        return;
    QString error;
    if (!m_accounts->setDefault(account->id, &error)) {
        m_err << "kurierctl: " << error << '\n';
        finished(Failure);
        return;
    }
    m_out << "default account: " << account->prefix << '\n';
    m_out.flush();
    finished(Ok);
}

} // namespace kurier::ctl
