#include "ctl/FetchCommand.h"
#include "net/Transcript.h"

#include "pop3/Pop3AccountFetch.h"
#include "store/AccountManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

// One account's fetch and the clock for its progress lines.
struct FetchCommand::Job {
    std::unique_ptr<pop3::Pop3AccountFetch> fetch;
    QElapsedTimer clock;
    QElapsedTimer lastProgress;
};

FetchCommand::FetchCommand(store::AccountManager *accounts, QTextStream &out, QTextStream &err)
    : m_accounts(accounts)
    , m_out(out)
    , m_err(err)
{
}

FetchCommand::~FetchCommand() = default;

QString FetchCommand::usage()
{
    return QStringLiteral(
        "  kurierctl fetch P|--all [--transcript FILE] [--password-stdin] [--max-size BYTES] [--quiet]\n"
        "      Fetches every new message from the POP3 server of account P (or of all accounts) into\n"
        "      its Maildir ($XDG_DATA_HOME/kurier/P/INBOX); deletes on the server as the account's\n"
        "      leave-on-server setting says. Progress on stderr; the last line on stdout is\n"
        "      \"fetched N messages (B bytes) in S s\". --transcript (or KURIER_TRANSCRIPT=FILE)\n"
        "      writes the conversation with passwords and tokens redacted.\n");
}

void FetchCommand::run(const QStringList &args, std::function<void(int)> finished)
{
    m_finished = std::move(finished);
    QCommandLineParser parser;
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Fetch for every account."));
    const QCommandLineOption transcript(QStringLiteral("transcript"), QStringLiteral("Write a transcript."), QStringLiteral("FILE"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), QStringLiteral("Read the password from standard input."));
    const QCommandLineOption maxSize(QStringLiteral("max-size"), QStringLiteral("Skip larger messages."), QStringLiteral("BYTES"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress output."));
    parser.addOptions({all, transcript, passwordStdin, maxSize, quiet});
    const bool parsed = parser.parse(QStringList{QStringLiteral("kurierctl")} + args);
    const QStringList positional = parser.positionalArguments();
    if (!parsed || (parser.isSet(all) ? !positional.isEmpty() : positional.size() != 1)) {
        m_err << "kurierctl: " << (parsed ? QCoreApplication::translate("FetchCommand", "fetch needs exactly one prefix, or --all") : parser.errorText()) << "\n\n"
              << usage();
        m_err.flush();
        m_finished(2);
        return;
    }
    if (parser.isSet(all)) {
        m_todo = m_accounts->accounts();
        m_many = true;
    } else {
        const auto account = m_accounts->findByPrefix(positional.first());
        if (!account) {
            m_err << "kurierctl: " << QCoreApplication::translate("FetchCommand", "no account with prefix \"%1\"").arg(positional.first()) << '\n';
            m_err.flush();
            m_finished(1);
            return;
        }
        m_todo << *account;
    }
    m_transcriptPath = net::Transcript::chosenPath(parser.value(transcript));
    m_quiet = parser.isSet(quiet);
    if (parser.isSet(maxSize))
        m_maxSize = parser.value(maxSize).toLongLong();
    if (parser.isSet(passwordStdin)) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            QByteArray line = in.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            m_stdinPassword = QString::fromUtf8(line);
            m_passwordFromStdin = true;
        }
    }
    m_clock.start();
    next();
}

void FetchCommand::next()
{
    if (m_todo.isEmpty()) {
        m_out << "fetched " << m_totalMessages << " messages (" << m_totalBytes << " bytes) in "
              << QString::number(double(m_clock.elapsed()) / 1000.0, 'f', 2) << " s\n";
        m_out.flush();
        m_finished(m_failures == 0 ? 0 : 1);
        return;
    }
    startAccount(m_todo.takeFirst());
}

void FetchCommand::startAccount(const store::Account &account)
{
    m_job = std::make_unique<Job>();
    Job *job = m_job.get();
    pop3::Pop3AccountFetch::Settings settings;
    settings.transcriptPath = m_transcriptPath;
    settings.maxMessageSize = m_maxSize;
    if (m_passwordFromStdin)
        settings.password = m_stdinPassword;
    job->fetch = std::make_unique<pop3::Pop3AccountFetch>(account, m_accounts->secretStore(), settings);
    job->clock.start();
    job->lastProgress.start();
    const QString prefix = account.prefix;
    QObject::connect(job->fetch.get(), &pop3::Pop3AccountFetch::browserSignInRequired, job->fetch.get(), [this](const QUrl &url) {
        m_err << "Sign in with your browser at:\n  " << url.toString(QUrl::FullyEncoded) << '\n';
        m_err.flush();
    });
    QObject::connect(job->fetch.get(), &pop3::Pop3AccountFetch::deviceCodeSignInRequired, job->fetch.get(),
                     [this](const oauth::DeviceCodePrompt &prompt) {
                         m_err << "To sign in, open " << prompt.verificationUri.toString() << " and enter the code "
                               << prompt.userCode << '\n';
                         m_err.flush();
                     });
    QObject::connect(job->fetch.get(), &pop3::Pop3AccountFetch::note, job->fetch.get(), [this, prefix](const QString &text) {
        m_err << prefix << ": " << text << '\n';
        m_err.flush();
    });
    QObject::connect(job->fetch.get(), &pop3::Pop3AccountFetch::progress, job->fetch.get(),
                     [this, job, prefix](int done, int total, qint64 bytes, qint64 totalBytes) {
                         if (m_quiet || (done != total && job->lastProgress.elapsed() < 1000))
                             return;
                         job->lastProgress.restart();
                         const double seconds = qMax(0.001, double(job->clock.elapsed()) / 1000.0);
                         m_err << prefix << ": " << done << '/' << total << " messages, " << megabytes(bytes) << '/'
                               << megabytes(totalBytes) << " MB, " << megabytes(qint64(double(bytes) / seconds)) << " MB/s\n";
                         m_err.flush();
                     });
    QObject::connect(job->fetch.get(), &pop3::Pop3AccountFetch::finished, job->fetch.get(),
                     [this, prefix](const pop3::Pop3Fetch::Result &result) {
                         m_totalMessages += result.fetched;
                         m_totalBytes += result.bytes;
                         if (!result.ok()) {
                             m_err << "kurierctl: " << prefix << ": " << result.diagnostic.toText() << '\n';
                             if (result.fetched > 0)
                                 m_err << prefix << ": "
                                       << QCoreApplication::translate("FetchCommand", "%1 messages were stored before the failure; the next fetch continues.")
                                              .arg(result.fetched)
                                       << '\n';
                         } else if (m_many) {
                             m_out << prefix << ": fetched " << result.fetched << " messages (" << result.bytes << " bytes), "
                                   << result.deleted << " deleted on the server\n";
                             m_out.flush();
                         }
                         m_err.flush();
                         accountDone(result.ok());
                     });
    job->fetch->start();
}

void FetchCommand::accountDone(bool ok)
{
    if (!ok)
        ++m_failures;
    // Signals of the job's objects may still be on the stack: tear it down on the next turn.
    QMetaObject::invokeMethod(QCoreApplication::instance(), [this] {
        m_job.reset();
        next();
    }, Qt::QueuedConnection);
}

} // namespace kurier::ctl
