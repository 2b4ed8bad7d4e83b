#include "ctl/DiscoverCommand.h"

#include "discovery/Discovery.h"
#include "net/SslTransport.h"
#include "store/Security.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace kurier::ctl {

namespace {

QString authenticationText(const QList<discovery::ServerConfig::Authentication> &methods)
{
    using A = discovery::ServerConfig::Authentication;
    QStringList names;
    for (const A a : methods) {
        switch (a) {
        case A::PasswordCleartext: names << QCoreApplication::translate("DiscoverCommand", "password"); break;
        case A::PasswordEncrypted: names << QCoreApplication::translate("DiscoverCommand", "password (challenge-response)"); break;
        case A::OAuth2: names << QStringLiteral("OAuth 2.0"); break;
        case A::None: names << QCoreApplication::translate("DiscoverCommand", "none"); break;
        case A::ClientCertificate: names << QCoreApplication::translate("DiscoverCommand", "client certificate"); break;
        case A::Other: names << QCoreApplication::translate("DiscoverCommand", "other"); break;
        }
    }
    return names.isEmpty() ? QCoreApplication::translate("DiscoverCommand", "not known (to be probed)") : names.join(QStringLiteral(", "));
}

QString protocolText(discovery::ServerConfig::Protocol p)
{
    switch (p) {
    case discovery::ServerConfig::Protocol::Pop3: return QStringLiteral("POP3");
    case discovery::ServerConfig::Protocol::Imap: return QStringLiteral("IMAP");
    case discovery::ServerConfig::Protocol::Smtp: return QStringLiteral("SMTP");
    }
    return {};
}

} // namespace

struct DiscoverCommand::Job {
    QNetworkAccessManager network;
    std::unique_ptr<discovery::Discovery> discovery;
};

DiscoverCommand::DiscoverCommand(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

DiscoverCommand::~DiscoverCommand() = default;

QString DiscoverCommand::usage()
{
    return QStringLiteral("  kurierctl discover ADDRESS [--ispdb URL] [--timeout SECONDS] [--ca-file FILE]\n"
                          "                     [--probe-port SERVICE=PORT]...\n"
                          "      Finds the servers for an e-mail address, asking at once: a local file, the\n"
                          "      provider's autoconfig, the ISPDB, the MX host's provider, DNS SRV, and the\n"
                          "      domain's likely servers themselves (pop3., pop., mail., smtp.: what they offer\n"
                          "      after TLS). --probe-port probes another port for a service (pop3s, pop3,\n"
                          "      submissions, submission), e.g. pop3s=10995.\n"
                          "      Prints each source's outcome and the best configuration with its source.\n"
                          "      Sends no password. Exit code 0 when a configuration was found, 1 when none.\n");
}

void DiscoverCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    QCommandLineParser parser;
    const QCommandLineOption ispdb(QStringLiteral("ispdb"), QStringLiteral("ISPDB base URL."), QStringLiteral("URL"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Seconds per source."), QStringLiteral("SECONDS"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Extra CA certificates (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption probePort(QStringLiteral("probe-port"), QStringLiteral("Port to probe for a service."), QStringLiteral("SERVICE=PORT"));
    parser.addOptions({ispdb, timeout, caFile, probePort});
    if (!parser.parse(QStringList{QStringLiteral("kurierctl")} + args) || parser.positionalArguments().size() != 1) {
        m_err << "kurierctl: " << (parser.errorText().isEmpty() ? QCoreApplication::translate("DiscoverCommand", "discover needs exactly one address") : parser.errorText())
              << "\n\n" << usage();
        m_err.flush();
        m_finished(2);
        return;
    }
    discovery::Discovery::Settings settings;
    if (parser.isSet(ispdb)) {
        settings.ispdbBaseUrl = QUrl(parser.value(ispdb), QUrl::StrictMode);
        if (!settings.ispdbBaseUrl.isValid() || settings.ispdbBaseUrl.scheme() != u"https") {
            m_err << "kurierctl: " << QCoreApplication::translate("DiscoverCommand", "--ispdb needs an https URL") << '\n';
            m_err.flush();
            m_finished(2);
            return;
        }
    }
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 600) {
            m_err << "kurierctl: " << QCoreApplication::translate("DiscoverCommand", "--timeout needs a number of seconds (up to 600)") << '\n';
            m_err.flush();
            m_finished(2);
            return;
        }
        settings.timeoutMs = int(seconds * 1000);
    }
    for (const QString &p : parser.values(probePort)) {
        if (!discovery::Probe::setPort(&settings.probePorts, p)) {
            m_err << "kurierctl: " << QCoreApplication::translate("DiscoverCommand", "--probe-port needs SERVICE=PORT with pop3s, pop3, submissions or submission") << '\n';
            m_err.flush();
            m_finished(2);
            return;
        }
    }
    if (parser.isSet(caFile)) {
        QString error;
        settings.extraCaCertificates = net::SslTransport::loadCaFile(parser.value(caFile), &error);
        if (settings.extraCaCertificates.isEmpty()) {
            m_err << "kurierctl: " << error << '\n';
            m_err.flush();
            m_finished(2);
            return;
        }
    }
    const QString address = parser.positionalArguments().first();
    m_job = std::make_unique<Job>();
    m_job->discovery = std::make_unique<discovery::Discovery>(&m_job->network, settings);
    discovery::Discovery *d = m_job->discovery.get();
    QObject::connect(d, &discovery::Discovery::finished, d, [this, d, address] {
        m_out << QCoreApplication::translate("DiscoverCommand", "Servers for %1:").arg(address) << '\n';
        for (const auto &s : d->statuses()) {
            m_out << "  " << discovery::Discovery::sourceName(s.source) << ": " << discovery::Discovery::stateName(s.state);
            if (!s.detail.isEmpty())
                m_out << " – " << QString(s.detail).replace(u'\n', QStringLiteral("; "));
            m_out << '\n';
        }
        const auto best = d->best();
        if (!best) {
            m_out << QCoreApplication::translate("DiscoverCommand", "Nothing found: enter the servers by hand (the provider's documentation names them).") << '\n';
            m_out.flush();
            m_finished(1);
            return;
        }
        m_out << '\n' << QCoreApplication::translate("DiscoverCommand", "Best: %1 (%2)").arg(discovery::Discovery::sourceName(best->source), best->origin) << '\n';
        if (!best->verified)
            m_out << "  " << QCoreApplication::translate("DiscoverCommand", "Unverified: read without TLS or DNSSEC; check the values with your provider.") << '\n';
        if (best->pointsElsewhere)
            m_out << "  " << QCoreApplication::translate("DiscoverCommand", "The servers are outside %1: confirm that this provider hosts your mail.")
                                 .arg(address.section(u'@', -1)) << '\n';
        if (d->hosting() == discovery::MxLookup::Hosting::Microsoft365)
            m_out << "  " << QCoreApplication::translate("DiscoverCommand", "The domain's mail is hosted by Microsoft 365 (by its MX record).") << '\n';
        for (const auto *list : {&best->config.incoming, &best->config.outgoing}) {
            for (const discovery::ServerConfig &s : *list) {
                m_out << "  " << protocolText(s.protocol) << "  " << s.hostname << ':' << s.port << ' '
                      << store::securityDisplayName(s.security) << ", " << QCoreApplication::translate("DiscoverCommand", "user %1").arg(s.username(address)) << ", "
                      << QCoreApplication::translate("DiscoverCommand", "sign-in: %1").arg(authenticationText(s.authentication)) << '\n';
            }
        }
        const discovery::OAuthConfig &oauth = best->config.oauth;
        if (!oauth.isEmpty()) {
            m_out << "  OAuth  " << QCoreApplication::translate("DiscoverCommand", "issuer %1").arg(oauth.issuer);
            if (oauth.tokenUrl.isValid())
                m_out << ", " << QCoreApplication::translate("DiscoverCommand", "token endpoint %1").arg(oauth.tokenUrl.toDisplayString());
            if (!oauth.scopes.isEmpty())
                m_out << ", " << QCoreApplication::translate("DiscoverCommand", "scope %1").arg(oauth.scopes.join(u' '));
            m_out << '\n';
        }
        if (d->found().size() > 1)
            m_out << "  " << QCoreApplication::translate("DiscoverCommand", "%1 other source(s) found a configuration too.").arg(d->found().size() - 1) << '\n';
        m_out.flush();
        m_finished(0);
    });
    d->start(address);
}

} // namespace kurier::ctl
