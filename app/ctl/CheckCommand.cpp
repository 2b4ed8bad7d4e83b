#include "ctl/CheckCommand.h"

#include "check/ConnectionTest.h"
#include "net/Transcript.h"
#include "store/AccountManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

struct CheckCommand::Job {
    std::unique_ptr<net::Transcript> transcript;
    std::unique_ptr<check::ConnectionTest> test;
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
                          "      Tests account P step by step as \"Verbindung testen\" does: name resolution, TCP,\n"
                          "      TLS, capabilities, token and its claims, POP3 and SMTP sign-in. Fetches, deletes\n"
                          "      and sends nothing. Exit code 0 when every step passed.\n");
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
    const QString transcriptPath = net::Transcript::chosenPath(parser.value(transcript));
    if (!transcriptPath.isEmpty())
        m_job->transcript = std::make_unique<net::Transcript>(transcriptPath);

    store::SecretUpdate typed;
    if (parser.isSet(passwordStdin)) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            QByteArray line = in.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            typed.set(store::SecretName::Pop3Password, QString::fromUtf8(line));
        }
    }
    m_job->test = std::make_unique<check::ConnectionTest>(*account, m_accounts->secretStore());
    check::ConnectionTest *test = m_job->test.get();
    test->setTypedSecrets(typed);
    test->setTranscript(m_job->transcript.get());
    QObject::connect(test, &check::ConnectionTest::stepFinished, test, [this](const check::ConnectionStep &step) {
        m_out << step.toText() << '\n';
        m_out.flush();
    });
    QObject::connect(test, &check::ConnectionTest::browserSignInRequired, test, [this](const QUrl &url) {
        m_err << QCoreApplication::translate("CheckCommand", "Sign in in the browser: %1").arg(url.toString()) << '\n';
        m_err.flush();
    });
    QObject::connect(test, &check::ConnectionTest::deviceCodeSignInRequired, test, [this](const oauth::DeviceCodePrompt &p) {
        m_err << QCoreApplication::translate("CheckCommand", "Sign in at %1 with the code %2").arg(p.verificationUri.toString(), p.userCode)
              << '\n';
        m_err.flush();
    });
    QObject::connect(test, &check::ConnectionTest::finished, test, [this, test](bool allPassed) {
        if (allPassed) {
            m_out << QCoreApplication::translate("CheckCommand", "The account works.") << '\n';
            m_out.flush();
            m_finished(0);
            return;
        }
        const auto failure = test->firstFailure();
        m_err << "kurierctl: " << (failure ? failure->diagnostic.summary : QString()) << '\n';
        m_err.flush();
        m_finished(1);
    });
    test->start();
}

} // namespace kurier::ctl
