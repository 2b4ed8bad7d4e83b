#include "mail/FetchJob.h"

#include "store/Mailbox.h"
#include "pop3/Pop3AccountFetch.h"

#include <QDir>
#include <QFile>

namespace kurier::ui {

FetchJob::FetchJob(store::Account account, secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
{
    pop3::Pop3AccountFetch::Settings settings;
    settings.transcriptPath = transcriptPath();
    m_fetch = std::make_unique<pop3::Pop3AccountFetch>(m_account, secrets, settings);
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::progress, this, &FetchJob::progress);
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::browserSignInRequired, this, &FetchJob::browserSignInRequired);
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::deviceCodeSignInRequired, this, &FetchJob::deviceCodeSignInRequired);
    // Queued: the fetch's signals may still be on the stack when the receiver deletes this job.
    connect(m_fetch.get(), &pop3::Pop3AccountFetch::finished, this,
            [this](const pop3::Pop3Fetch::Result &result) { emit finished(result.fetched, result.diagnostic); },
            Qt::QueuedConnection);
}

FetchJob::~FetchJob() = default;

QString FetchJob::transcriptPath() const
{
    return store::Mailbox::accountRoot(m_account) + QStringLiteral("/last-fetch-transcript.txt");
}

QString FetchJob::transcriptText() const
{
    QFile f(transcriptPath());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void FetchJob::start()
{
    // A fresh transcript per fetch (the core appends).
    QDir().mkpath(store::Mailbox::accountRoot(m_account));
    QFile::remove(transcriptPath());
    m_fetch->start();
}

} // namespace kurier::ui
