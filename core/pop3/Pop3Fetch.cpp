#include "pop3/Pop3Fetch.h"

#include "pop3/Pop3Diagnostics.h"
#include "pop3/Pop3Log.h"
#include "pop3/Pop3Session.h"
#include "store/HeaderIndex.h"
#include "store/Maildir.h"
#include "store/MaildirWriter.h"
#include "store/UidlState.h"

#include <QCoreApplication>
#include <QPointer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>

namespace kurier::pop3 {

namespace {

// "n value" lines of a LIST/UIDL body (RFC 1939 §5, §7).
template<typename F>
void forEachNumberedLine(const QByteArray &body, F f)
{
    qsizetype pos = 0;
    while (pos < body.size()) {
        qsizetype nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = body.size();
        const QByteArrayView line = QByteArrayView(body).sliced(pos, nl - pos).trimmed();
        pos = nl + 1;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            continue;
        bool ok = false;
        const int number = line.first(space).toInt(&ok);
        if (ok && number > 0)
            f(number, line.sliced(space + 1).trimmed());
    }
}

constexpr qsizetype MaxHeaderCapture = 256 * 1024;
// Messages up to this size are kept in memory until complete, larger ones streamed to tmp/.
constexpr qsizetype StreamingThreshold = 1024 * 1024;
// Complete messages waiting for the disk; above this the session stops reading.
constexpr qsizetype MaxQueuedBytes = 32 * 1024 * 1024;

} // namespace

Pop3Fetch::Pop3Fetch(Pop3Session *session, store::Maildir *maildir, store::UidlState *state, store::HeaderIndex *index,
                     const Options &options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_maildir(maildir)
    , m_state(state)
    , m_index(index)
    , m_options(options)
{
    m_syncPool.setMaxThreadCount(8);
    connect(m_session, &Pop3Session::finished, this, [this](const diagnostics::Diagnostic &d) {
        if (d.isEmpty()) {
            if (!m_finished)
                finish();
            return;
        }
        if (m_finished || m_failure)
            return;
        m_writer.reset(); // an incomplete message never reaches new/
        m_failure = d;
        if (m_commitsRunning == 0)
            finishAfterFailure(); // else when the last running commit reports back
    });
}

Pop3Fetch::~Pop3Fetch() = default;

void Pop3Fetch::start()
{
    auto uidlBody = std::make_shared<QByteArray>();
    auto listBody = std::make_shared<QByteArray>();
    m_pendingLists = 2;
    // RFC 1939 §7: UIDL; without it (-ERR) we fall back to Message-ID hashes.
    m_session->send(
        QByteArrayLiteral("UIDL"), Pop3Parser::Expect::MultiLine,
        [this](const Pop3Reply &reply) {
            if (reply.isErr()) {
                m_result.usedMessageIdFallback = true;
                if (--m_pendingLists == 0)
                    onListed();
            }
        },
        [uidlBody](const QByteArray &d) { *uidlBody += d; },
        [this, uidlBody] {
            forEachNumberedLine(*uidlBody, [this](int n, QByteArrayView uid) { m_uids.insert(n, uid.toByteArray()); });
            if (--m_pendingLists == 0)
                onListed();
        });
    m_session->send(
        QByteArrayLiteral("LIST"), Pop3Parser::Expect::MultiLine,
        [this](const Pop3Reply &reply) {
            if (reply.isErr())
                m_session->fail(Pop3Diagnostics::commandFailed(m_session->options().host, "LIST", reply));
        },
        [listBody](const QByteArray &d) { *listBody += d; },
        [this, listBody] {
            forEachNumberedLine(*listBody, [this](int n, QByteArrayView size) { m_sizes.insert(n, size.toLongLong()); });
            if (--m_pendingLists == 0)
                onListed();
        });
}

void Pop3Fetch::onListed()
{
    m_result.onServer = int(m_sizes.size());
    if (m_result.usedMessageIdFallback) {
        identifyByMessageId();
        return;
    }
    if (const QString lie = inconsistency(); !lie.isEmpty()) {
        // Within one session the maildrop is locked, so LIST and UIDL describe the same
        // messages, and no two share a unique-id (RFC 1939 §7, §8). A server that says
        // otherwise cannot be trusted to tell which message is which: fetching could store one
        // twice or, worse, mark one as stored and later DELE it unseen. Stop before any RETR.
        m_session->fail(Pop3Diagnostics::protocolViolation(m_session->options().host, lie));
        return;
    }
    plan();
}

QString Pop3Fetch::inconsistency() const
{
    QHash<QByteArray, int> numberOf;
    numberOf.reserve(m_uids.size());
    QList<int> numbers = m_uids.keys();
    std::sort(numbers.begin(), numbers.end());
    for (int n : std::as_const(numbers)) {
        const QByteArray &uid = m_uids[n];
        if (const auto it = numberOf.constFind(uid); it != numberOf.cend())
            return QStringLiteral("UIDL gives messages %1 and %2 the same unique-id \"%3\"")
                .arg(*it)
                .arg(n)
                .arg(QString::fromLatin1(uid.left(70)));
        numberOf.insert(uid, n);
        if (!m_sizes.contains(n))
            return QStringLiteral("UIDL lists message %1, LIST does not (UIDL %2 messages, LIST %3)")
                .arg(n)
                .arg(m_uids.size())
                .arg(m_sizes.size());
    }
    if (m_sizes.size() != m_uids.size()) {
        for (auto it = m_sizes.cbegin(); it != m_sizes.cend(); ++it) {
            if (!m_uids.contains(it.key()))
                return QStringLiteral("LIST lists message %1, UIDL does not (UIDL %2 messages, LIST %3)")
                    .arg(it.key())
                    .arg(m_uids.size())
                    .arg(m_sizes.size());
        }
    }
    return {};
}

void Pop3Fetch::identifyByMessageId()
{
    emit note(QCoreApplication::translate("Pop3Fetch",
                                          "The server does not support UIDL; messages are recognised by their Message-ID."));
    QList<int> numbers = m_sizes.keys();
    std::sort(numbers.begin(), numbers.end());
    m_pendingTops = int(numbers.size());
    if (m_pendingTops == 0) {
        plan();
        return;
    }
    for (int n : numbers) {
        auto header = std::make_shared<QByteArray>();
        // RFC 1939 §7: TOP n 0 — the header only.
        m_session->send(
            "TOP " + QByteArray::number(n) + " 0", Pop3Parser::Expect::MultiLine,
            [this, n](const Pop3Reply &reply) {
                if (reply.isErr())
                    m_session->fail(Pop3Diagnostics::commandFailed(m_session->options().host, "TOP", reply));
                Q_UNUSED(n)
            },
            [header](const QByteArray &d) {
                if (header->size() < MaxHeaderCapture)
                    *header += d;
            },
            [this, n, header] {
                const auto entry = store::HeaderIndex::parse(*header, {}, 0);
                const QByteArray basis = entry.messageId.isEmpty() ? *header : entry.messageId.toUtf8();
                m_uids.insert(n, "mid-" + QCryptographicHash::hash(basis, QCryptographicHash::Sha256).toHex().left(32));
                if (--m_pendingTops == 0)
                    plan();
            });
    }
}

void Pop3Fetch::plan()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSet<QByteArray> onServer;
    onServer.reserve(m_uids.size());
    for (auto it = m_uids.cbegin(); it != m_uids.cend(); ++it) {
        onServer.insert(it.value());
        m_state->seen(it.value(), now);
    }
    m_state->retainOnly(onServer);

    // Recovery: a message stored just before a crash carries its UIDL key in its file name.
    QHash<QByteArray, QByteArray> byKey;
    for (const QByteArray &uid : std::as_const(onServer)) {
        if (!m_state->isFetched(uid))
            byKey.insert(m_state->messageKey(uid), uid);
    }
    if (!byKey.isEmpty()) {
        const QStringList files = m_maildir->messages();
        for (const QString &file : files) {
            const QByteArray key = store::Maildir::keyOf(file);
            if (const auto it = byKey.constFind(key); !key.isEmpty() && it != byKey.cend()) {
                qCInfo(lcPop3) << "recovered" << file << "from an interrupted fetch";
                m_state->markFetched(*it);
            }
        }
    }

    QList<int> numbers = m_uids.keys();
    std::sort(numbers.begin(), numbers.end());
    for (int n : numbers) {
        const QByteArray &uid = m_uids[n];
        if (m_state->isFetched(uid))
            continue;
        const qint64 size = m_sizes.value(n);
        if (m_options.maxMessageSize > 0 && size > m_options.maxMessageSize) {
            ++m_result.skippedTooLarge;
            emit note(QCoreApplication::translate("Pop3Fetch", "Message %1 (%2 bytes) is larger than the limit of %3 bytes and was not fetched.")
                          .arg(n)
                          .arg(size)
                          .arg(m_options.maxMessageSize));
            continue;
        }
        m_toFetch << Message{n, uid, size};
        m_totalBytes += size;
    }
    emit progress(0, int(m_toFetch.size()), 0, m_totalBytes);
    if (m_toFetch.isEmpty()) {
        deleteAndQuit();
        return;
    }
    for (const Message &m : std::as_const(m_toFetch))
        retrieve(m);
}

void Pop3Fetch::retrieve(const Message &message)
{
    m_session->send(
        "RETR " + QByteArray::number(message.number), Pop3Parser::Expect::MultiLine,
        [this, message](const Pop3Reply &reply) {
            if (reply.isErr()) {
                const QByteArray &code = reply.code();
                if (code == "SYS/TEMP" || code == "SYS/PERM" || code == "IN-USE" || code == "LOGIN-DELAY") {
                    // RFC 2449 §8.1.2, RFC 3206: the server as a whole is in trouble.
                    m_session->fail(Pop3Diagnostics::commandFailed(m_session->options().host, "RETR", reply));
                    return;
                }
                // "-ERR no such message": gone since UIDL (another client deleted it) or not
                // readable on the server. One such message must not stop every fetch for good:
                // it is skipped, stays unrecorded (so it is tried again next time) and is never
                // deleted; the others go on.
                ++m_retrDone;
                ++m_result.skippedUnavailable;
                emit note(QCoreApplication::translate("Pop3Fetch", "The server did not deliver message %1 (%2); it stays on the server and is tried again next time.")
                              .arg(message.number)
                              .arg(QString::fromUtf8(reply.toLine())));
                finishIfAllRetrieved();
                return;
            }
            onRetrStart(message);
        },
        [this](const QByteArray &data) { onRetrData(data); }, [this, message] { onRetrEnd(message); });
}

void Pop3Fetch::onRetrStart(const Message &message)
{
    m_writer.reset();
    m_pending.clear();
    m_messageSize = 0;
    m_currentKey = m_state->messageKey(message.uid);
    m_header.clear();
    m_headerComplete = false;
}

void Pop3Fetch::onRetrData(const QByteArray &data)
{
    m_messageSize += data.size();
    if (m_options.maxMessageSize > 0 && m_messageSize > m_options.maxMessageSize) {
        m_writer.reset();
        m_pending.clear();
        m_session->fail(Pop3Diagnostics::messageTooLarge(m_messageSize, m_options.maxMessageSize));
        return;
    }
    if (!m_headerComplete) {
        const qsizetype before = m_header.size();
        m_header += data.left(MaxHeaderCapture - before);
        // Look for the empty line only around the new bytes.
        const qsizetype from = qMax<qsizetype>(0, before - 2);
        if (store::HeaderIndex::headerEnd(QByteArrayView(m_header).sliced(from)) >= 0 || m_header.size() >= MaxHeaderCapture)
            m_headerComplete = true;
    }
    if (!m_writer) {
        // Most messages are small: they are written, synced and renamed in one go on the pool
        // (onRetrEnd). A large one goes to its file in tmp/ as it arrives, never whole in memory.
        m_pending += data;
        if (m_pending.size() < StreamingThreshold)
            return;
        QString error;
        m_writer = m_maildir->beginDelivery(m_currentKey, &error);
        if (!m_writer) {
            localFailure(error);
            return;
        }
        const QByteArray first = std::exchange(m_pending, {});
        if (!m_writer->write(first))
            localFailure(m_writer->errorString());
        return;
    }
    if (!m_writer->write(data))
        localFailure(m_writer->errorString());
}

void Pop3Fetch::onRetrEnd(const Message &message)
{
    ++m_retrDone;
    store::HeaderIndex::Entry entry = store::HeaderIndex::parse(m_header, {}, m_messageSize);
    // fsync dominates the time of a fetch (a few ms a message, more than the network on
    // loopback), and creating and renaming files in a busy directory costs too. That work runs
    // on a small pool while the next messages arrive; concurrent fsyncs share the file system's
    // journal commits. The message counts as fetched only when its rename is done
    // (onCommitted, back on this thread).
    std::shared_ptr<store::MaildirWriter> writer(m_writer.release());
    QByteArray data = std::exchange(m_pending, {});
    m_queuedBytes += data.size();
    if (m_queuedBytes > MaxQueuedBytes && !m_receivePaused) {
        m_receivePaused = true; // the disk is slower than the network: let TCP wait
        m_session->setReceivePaused(true);
    }
    ++m_commitsRunning;
    const bool sync = m_options.syncEachMessage;
    const QByteArray key = m_currentKey;
    const store::Maildir *maildir = m_maildir;
    QPointer<Pop3Fetch> self(this);
    m_syncPool.start([self, writer, data, sync, message, entry, key, maildir]() mutable {
        QString error;
        bool ok = true;
        if (!writer) {
            writer = maildir->beginDelivery(key, &error);
            ok = writer && writer->write(data);
        }
        ok = ok && writer->commit(sync);
        if (writer) {
            entry.baseName = writer->name();
            if (!ok)
                error = writer->errorString();
        }
        const qsizetype queued = data.size();
        QMetaObject::invokeMethod(self.data(), [self, ok, message, entry, error, queued] {
            if (self)
                self->onCommitted(message, entry, ok, error, queued);
        }, Qt::QueuedConnection);
    });
}

void Pop3Fetch::onCommitted(const Message &message, const store::HeaderIndex::Entry &entry, bool ok, const QString &error,
                            qsizetype queuedBytes)
{
    --m_commitsRunning;
    m_queuedBytes -= queuedBytes;
    if (m_receivePaused && m_queuedBytes < MaxQueuedBytes / 4) {
        m_receivePaused = false;
        m_session->setReceivePaused(false);
    }
    if (!ok) {
        localFailure(error);
    } else {
        if (m_index) {
            QString indexError;
            if (!m_index->append(entry, &indexError))
                qCWarning(lcPop3) << indexError; // a cache: rebuildable, not worth failing the fetch
        }
        m_state->markFetched(message.uid);
        ++m_result.fetched;
        m_result.bytes += entry.size;
        emit progress(m_result.fetched, int(m_toFetch.size()), m_result.bytes, m_totalBytes);
        if (++m_sinceCheckpoint >= m_options.commitEvery && !m_failure && !checkpoint())
            return;
    }
    if (m_commitsRunning > 0)
        return;
    if (m_failure) {
        finishAfterFailure();
        return;
    }
    finishIfAllRetrieved();
}

void Pop3Fetch::finishIfAllRetrieved()
{
    if (m_commitsRunning > 0 || m_failure || m_finished)
        return;
    if (m_retrDone == m_toFetch.size() && m_result.fetched + m_result.skippedUnavailable == m_toFetch.size())
        deleteAndQuit();
}

void Pop3Fetch::finishAfterFailure()
{
    checkpoint(); // what is complete stays recorded
    finish(*m_failure);
}

bool Pop3Fetch::checkpoint()
{
    m_sinceCheckpoint = 0;
    QString error;
    if (!m_maildir->syncNewDirectory(&error) || !m_state->save(&error)) {
        localFailure(error);
        return false;
    }
    return true;
}

void Pop3Fetch::deleteAndQuit()
{
    // Everything fetched is durable and recorded before any DELE is even sent.
    if (!checkpoint())
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<int> numbers = m_uids.keys();
    std::sort(numbers.begin(), numbers.end());
    for (int n : numbers) {
        const QByteArray &uid = m_uids[n];
        if (!m_state->isFetched(uid))
            continue;
        bool remove = false;
        switch (m_options.leaveOnServer) {
        case store::LeaveOnServer::Keep:
            break;
        case store::LeaveOnServer::DeleteAfterDownload:
            remove = true;
            break;
        case store::LeaveOnServer::DeleteAfterDays:
            remove = now - m_state->firstSeen(uid) >= qint64(m_options.deleteAfterDays) * 86400;
            break;
        }
        if (!remove && !m_state->isDeletionRequested(uid)) // deleted locally by the user
            continue;
        m_session->send("DELE " + QByteArray::number(n), Pop3Parser::Expect::SingleLine, [this, n](const Pop3Reply &reply) {
            if (reply.isOk())
                ++m_result.deleted;
            else
                emit note(QCoreApplication::translate("Pop3Fetch", "The server refused to delete message %1: %2")
                              .arg(n)
                              .arg(QString::fromUtf8(reply.toLine())));
        });
    }
    // RFC 1939 §6: the deletions happen now, in the UPDATE state.
    m_session->quit();
}

void Pop3Fetch::localFailure(const QString &text)
{
    m_writer.reset();
    diagnostics::Diagnostic d;
    d.stage = diagnostics::Diagnostic::Stage::Configuration;
    d.summary = QCoreApplication::translate("Pop3Fetch", "Messages cannot be stored in %1.").arg(m_maildir->path());
    d.cause = text;
    d.fix = QCoreApplication::translate("Pop3Fetch", "Check free disk space and the folder's permissions, then fetch again.");
    d.code = QStringLiteral("store");
    m_session->fail(d); // → failed → finish(d)
}

void Pop3Fetch::finish(const diagnostics::Diagnostic &diagnostic)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.diagnostic = diagnostic;
    emit finished(m_result);
}

} // namespace kurier::pop3
