#include "ctl/CheckCommand.h"

#include "net/AccountTlsPolicy.h"
#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountSetup.h"
#include "pop3/Pop3Session.h"
#include "secrets/SecretStore.h"
#include "store/AccountManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

struct CheckCommand::Job {
    store::Account account;
    std::unique_ptr<net::Transcript> transcript;
    std::unique_ptr<net::SslTransport> transport;
    std::unique_ptr<oauth::TokenProvider> tokens;
    std::unique_ptr<pop3::Pop3Session> session;
};

CheckCommand::CheckCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err)
    : m_accounts(accounts)
    , m_out(out)
    , m_err(err)
{
}

CheckCommand::~CheckCommand() = default;

QString CheckCommand::usage()
{
    return QStringLiteral("  kurierctl check P [--transcript FILE] [--password-stdin]\n"
                          "      Connects to the POP3 server of account P, negotiates TLS, shows its capabilities\n"
                          "      and signs in, printing each step. Fetches and deletes nothing.\n");
}

void CheckCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    QCommandLineParser parser;
    const QCommandLineOption transcript(QStringLiteral("transcript"), QStringLiteral("Write a transcript."), QStringLiteral("FILE"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), QStringLiteral("Read the password from standard input."));
    parser.addOptions({transcript, passwordStdin});
    if (!parser.parse(QStringList{QStringLiteral("kurierctl")} + args) || parser.positionalArguments().size() != 1) {
        m_err << "kurierctl: "
              << (parser.errorText().isEmpty() ? QCoreApplication::translate("CheckCommand", "check needs exactly one prefix")
                                               : parser.errorText())
              << "\n\n" << usage();
        m_err.flush();
        m_finished(2);
        return;
    }
    const auto account = m_accounts->findByPrefix(parser.positionalArguments().first());
    if (!account) {
        m_err << "kurierctl: "
              << QCoreApplication::translate("CheckCommand", "no account with prefix \"%1\"").arg(parser.positionalArguments().first())
              << '\n';
        m_err.flush();
        m_finished(1);
        return;
    }
    m_job = std::make_unique<Job>();
    m_job->account = *account;
    net::TlsPolicy policy;
    QString error;
    if (!net::tlsPolicyForAccount(*account, &policy, &error)) {
        m_err << "kurierctl: " << error << '\n';
        m_err.flush();
        m_finished(1);
        return;
    }
    const QString transcriptPath = parser.isSet(transcript) ? parser.value(transcript) : qEnvironmentVariable("KURIER_TRANSCRIPT");
    if (!transcriptPath.isEmpty())
        m_job->transcript = std::make_unique<net::Transcript>(transcriptPath);
    m_job->transport = std::make_unique<net::SslTransport>(policy);

    QString stdinPassword;
    if (parser.isSet(passwordStdin)) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            QByteArray line = in.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            stdinPassword = QString::fromUtf8(line);
        }
    }
    if (account->oauth.enabled) {
        m_job->tokens = std::make_unique<oauth::TokenProvider>(*account, m_accounts->secretStore());
        if (parser.isSet(passwordStdin))
            m_job->tokens->setSessionSecret(store::SecretName::Pop3Password, stdinPassword);
        connectAndCheck({});
        return;
    }
    if (parser.isSet(passwordStdin)) {
        connectAndCheck(stdinPassword);
        return;
    }
    m_accounts->secretStore()->read(secrets::SecretStore::keyFor(account->id, store::SecretName::Pop3Password),
                                    [this](const secrets::SecretStore::Result &result) {
                                        if (!result.ok()) {
                                            m_err << "kurierctl: " << result.message << '\n';
                                            m_err.flush();
                                            m_finished(1);
                                            return;
                                        }
                                        connectAndCheck(result.value);
                                    });
}

void CheckCommand::connectAndCheck(const QString &password)
{
    Job *job = m_job.get();
    job->session = std::make_unique<pop3::Pop3Session>(job->transport.get(),
                                                       pop3::Pop3AccountSetup::sessionOptions(job->account));
    job->session->setPassword(password);
    job->session->setTranscript(job->transcript.get());
    if (job->tokens)
        job->session->setTokenProvider(job->tokens.get());
    QObject::connect(job->session.get(), &pop3::Pop3Session::step, job->session.get(), [this](const QString &text) {
        m_out << text << '\n';
        m_out.flush();
    });
    QObject::connect(job->session.get(), &pop3::Pop3Session::failed, job->session.get(),
                     [this](const diagnostics::Diagnostic &d) {
                         m_err << "kurierctl: " << d.toText() << '\n';
                         m_err.flush();
                         m_finished(1);
                     });
    QObject::connect(job->session.get(), &pop3::Pop3Session::ready, job->session.get(), [job] { job->session->quit(); });
    QObject::connect(job->session.get(), &pop3::Pop3Session::closed, job->session.get(), [this] {
        m_out << QCoreApplication::translate("CheckCommand", "The POP3 account works.") << '\n';
        m_out.flush();
        m_finished(0);
    });
    job->session->open();
}

} // namespace kurier::ctl
