#include "ctl/FetchCommand.h"

#include "net/SslTransport.h"
#include "net/Transcript.h"
#include "oauth/TokenProvider.h"
#include "pop3/Pop3AccountSetup.h"
#include "pop3/Pop3Fetch.h"
#include "pop3/Pop3Session.h"
#include "secrets/SecretStore.h"
#include "store/AccountManager.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/UidlState.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLockFile>
#include <QTextStream>

#include <cstdio>

namespace kurier::ctl {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

} // namespace

// Everything one account's fetch needs, destroyed together when it is done.
struct FetchCommand::Job {
    store::Account account;
    std::unique_ptr<QLockFile> lock;
    std::unique_ptr<store::Maildir> maildir;
    std::unique_ptr<store::UidlState> state;
    std::unique_ptr<store::HeaderIndex> index;
    std::unique_ptr<net::Transcript> transcript;
    std::unique_ptr<net::SslTransport> transport;
    std::unique_ptr<oauth::TokenProvider> tokens;
    std::unique_ptr<pop3::Pop3Session> session;
    std::unique_ptr<pop3::Pop3Fetch> fetch;
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
    m_transcriptPath = parser.isSet(transcript) ? parser.value(transcript) : qEnvironmentVariable("KURIER_TRANSCRIPT");
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
    job->account = account;
    job->clock.start();
    auto fail = [this, job](const QString &text) {
        m_err << "kurierctl: " << job->account.prefix << ": " << text << '\n';
        m_err.flush();
        accountDone(job, false);
    };
    if (account.pop3.host.isEmpty()) {
        fail(QCoreApplication::translate("FetchCommand", "the account has no POP3 server"));
        return;
    }
    const QString folder = pop3::Pop3AccountSetup::accountFolder(account);
    job->maildir = std::make_unique<store::Maildir>(pop3::Pop3AccountSetup::inboxPath(account));
    QString error;
    if (!job->maildir->create(&error)) {
        fail(error);
        return;
    }
    // One fetch per account at a time (the GUI and kurierctl may both try). A lock left by a
    // killed process is stale (its PID is gone) and taken over.
    job->lock = std::make_unique<QLockFile>(folder + QStringLiteral("/pop3-fetch.lock"));
    if (!job->lock->tryLock(0)) {
        fail(QCoreApplication::translate("FetchCommand", "another fetch for this account is running"));
        return;
    }
    // With the lock held nobody else delivers into INBOX: whatever is in tmp/ is a leftover.
    job->maildir->cleanTmp(0);
    job->state = std::make_unique<store::UidlState>(
        store::UidlState::defaultPath(folder, account.pop3.host, account.pop3User()), account.pop3.host, account.pop3User());
    if (!job->state->load(&error)) {
        fail(error);
        return;
    }
    job->index = std::make_unique<store::HeaderIndex>(job->maildir->path() + QStringLiteral("/.kurier-index"));
    if (job->index->load().size() != job->maildir->messages().size())
        job->index->rebuild(*job->maildir); // interrupted before its line was written, or edited by another program

    net::TlsPolicy policy;
    if (!pop3::Pop3AccountSetup::tlsPolicy(account, &policy, &error)) {
        fail(error);
        return;
    }
    if (!m_transcriptPath.isEmpty()) {
        job->transcript = std::make_unique<net::Transcript>(m_transcriptPath);
        if (!job->transcript->isOpen()) {
            fail(QCoreApplication::translate("FetchCommand", "cannot write the transcript %1: %2").arg(m_transcriptPath, job->transcript->errorString()));
            return;
        }
    }
    job->transport = std::make_unique<net::SslTransport>(policy);

    if (account.oauth.enabled) {
        job->tokens = std::make_unique<oauth::TokenProvider>(account, m_accounts->secretStore());
        if (m_passwordFromStdin)
            job->tokens->setSessionSecret(store::SecretName::Pop3Password, m_stdinPassword);
        connectAndFetch(job, {});
        return;
    }
    if (m_passwordFromStdin) {
        connectAndFetch(job, m_stdinPassword);
        return;
    }
    m_accounts->secretStore()->read(
        secrets::SecretStore::keyFor(account.id, store::SecretName::Pop3Password),
        [this, job, fail](const secrets::SecretStore::Result &result) {
            if (!result.ok()) {
                fail(result.error == secrets::SecretStore::Error::NotFound
                         ? QCoreApplication::translate("FetchCommand", "no POP3 password stored for this account; use --password-stdin")
                         : result.message);
                return;
            }
            connectAndFetch(job, result.value);
        });
}

void FetchCommand::connectAndFetch(Job *job, const QString &password)
{
    job->session = std::make_unique<pop3::Pop3Session>(job->transport.get(),
                                                       pop3::Pop3AccountSetup::sessionOptions(job->account));
    job->session->setPassword(password);
    if (job->tokens)
        job->session->setTokenProvider(job->tokens.get());
    job->session->setTranscript(job->transcript.get());

    pop3::Pop3Fetch::Options options;
    options.leaveOnServer = job->account.pop3.leaveOnServer;
    options.deleteAfterDays = job->account.pop3.deleteAfterDays;
    if (m_maxSize > 0)
        options.maxMessageSize = m_maxSize;
    job->fetch = std::make_unique<pop3::Pop3Fetch>(job->session.get(), job->maildir.get(), job->state.get(),
                                                   job->index.get(), options);

    // Pop3Fetch::finished is the one end of it all, also for failures before the fetch began
    // (connection, TLS, sign-in).
    QObject::connect(job->session.get(), &pop3::Pop3Session::ready, job->session.get(), [job] {
        job->lastProgress.start();
        job->fetch->start();
    });
    QObject::connect(job->fetch.get(), &pop3::Pop3Fetch::note, job->fetch.get(), [this, job](const QString &text) {
        m_err << job->account.prefix << ": " << text << '\n';
        m_err.flush();
    });
    QObject::connect(job->fetch.get(), &pop3::Pop3Fetch::progress, job->fetch.get(),
                     [this, job](int done, int total, qint64 bytes, qint64 totalBytes) {
                         if (m_quiet || (done != total && job->lastProgress.elapsed() < 1000))
                             return;
                         job->lastProgress.restart();
                         const double seconds = qMax(0.001, double(job->clock.elapsed()) / 1000.0);
                         m_err << job->account.prefix << ": " << done << '/' << total << " messages, " << megabytes(bytes)
                               << '/' << megabytes(totalBytes) << " MB, " << megabytes(qint64(double(bytes) / seconds))
                               << " MB/s\n";
                         m_err.flush();
                     });
    QObject::connect(job->fetch.get(), &pop3::Pop3Fetch::finished, job->fetch.get(),
                     [this, job](const pop3::Pop3Fetch::Result &result) {
                         m_totalMessages += result.fetched;
                         m_totalBytes += result.bytes;
                         if (!result.ok()) {
                             m_err << "kurierctl: " << job->account.prefix << ": " << result.diagnostic.toText() << '\n';
                             if (result.fetched > 0)
                                 m_err << job->account.prefix << ": "
                                       << QCoreApplication::translate("FetchCommand", "%1 messages were stored before the failure; the next fetch continues.")
                                              .arg(result.fetched)
                                       << '\n';
                         } else if (m_many) {
                             m_out << job->account.prefix << ": fetched " << result.fetched << " messages (" << result.bytes
                                   << " bytes), " << result.deleted << " deleted on the server\n";
                             m_out.flush();
                         }
                         m_err.flush();
                         accountDone(job, result.ok());
                     });
    job->session->open();
}

void FetchCommand::accountDone(Job *job, bool ok)
{
    if (!ok)
        ++m_failures;
    Q_UNUSED(job)
    // Signals of the job's objects may still be on the stack: tear it down on the next turn.
    QMetaObject::invokeMethod(QCoreApplication::instance(), [this] {
        m_job.reset();
        next();
    }, Qt::QueuedConnection);
}

} // namespace kurier::ctl
