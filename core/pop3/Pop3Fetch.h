#pragma once

#include "diagnostics/Diagnostic.h"
#include "store/Account.h"
#include "store/HeaderIndex.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace kurier::store {
class Maildir;
class MaildirWriter;
class UidlState;
} // namespace kurier::store

namespace kurier::pop3 {

class Pop3Session;

// Fetches every new message of a logged-in Pop3Session into a Maildir, once and intact:
//   UIDL + LIST (pipelined) → which UIDs are new → RETR each (pipelined window), streamed into
//   tmp/ → fsync → new/ → (every commitEvery messages and at the end) fsync new/ and save the
//   UIDL state → only then DELE what the leave-on-server policy says → QUIT.
// Killed at any moment, the next fetch finishes the job: a message renamed into new/ but not yet
// in the saved state is recognised by the UIDL key in its file name; DELE takes effect only at
// QUIT (RFC 1939 §6), which comes after everything is durable.
// Without UIDL the messages are identified by a hash of their Message-ID (TOP n 0), and the
// result says so.
class Pop3Fetch : public QObject
{
    Q_OBJECT
public:
    struct Options {
        store::LeaveOnServer leaveOnServer = store::LeaveOnServer::Keep;
        int deleteAfterDays = 14;
        qint64 maxMessageSize = 256LL * 1024 * 1024; // larger messages are skipped (LIST size)
        int commitEvery = 200; // messages between durable checkpoints
        bool syncEachMessage = true;
    };

    struct Result {
        int onServer = 0;
        int fetched = 0;
        qint64 bytes = 0;
        int deleted = 0;
        int skippedTooLarge = 0;
        int skippedUnavailable = 0; // RETR refused ("-ERR no such message"): tried again next time
        bool usedMessageIdFallback = false; // the server has no UIDL
        diagnostics::Diagnostic diagnostic; // empty on success
        [[nodiscard]] bool ok() const { return diagnostic.isEmpty(); }
    };

    Pop3Fetch(Pop3Session *session, store::Maildir *maildir, store::UidlState *state, store::HeaderIndex *index,
              const Options &options, QObject *parent = nullptr);
    ~Pop3Fetch() override;

    // The session must be in the TRANSACTION state (after ready()).
    void start();

signals:
    // total: messages to fetch this time; bytes so far of totalBytes (LIST sizes).
    void progress(int done, int total, qint64 bytes, qint64 totalBytes);
    void note(const QString &text);
    void finished(const kurier::pop3::Pop3Fetch::Result &result);

private:
    struct Message {
        int number = 0;
        QByteArray uid;
        qint64 size = 0;
    };

    void onListed();
    // Why LIST and UIDL cannot both be true (a number in one only, a unique-id twice); empty if they agree.
    [[nodiscard]] QString inconsistency() const;
    void identifyByMessageId();
    void plan();
    void retrieve(const Message &message);
    void onRetrStart(const Message &message);
    void onRetrData(const QByteArray &data);
    void onRetrEnd(const Message &message);
    void onCommitted(const Message &message, const store::HeaderIndex::Entry &entry, bool ok, const QString &error,
                     qsizetype queuedBytes);
    void finishAfterFailure();
    // DELE and QUIT once every RETR has been answered and every message is on disk.
    void finishIfAllRetrieved();
    bool checkpoint();
    void deleteAndQuit();
    void localFailure(const QString &text);
    void finish(const diagnostics::Diagnostic &diagnostic = {});

    Pop3Session *m_session;
    store::Maildir *m_maildir;
    store::UidlState *m_state;
    store::HeaderIndex *m_index;
    Options m_options;
    Result m_result;
    QHash<int, QByteArray> m_uids;   // message number → UIDL
    QHash<int, qint64> m_sizes;      // message number → LIST size
    QList<Message> m_toFetch;
    int m_pendingLists = 0;
    int m_pendingTops = 0;
    int m_retrDone = 0;
    int m_sinceCheckpoint = 0;
    qint64 m_totalBytes = 0;
    std::unique_ptr<store::MaildirWriter> m_writer;
    QByteArray m_header;
    QByteArray m_pending;      // the current message while it is small
    QByteArray m_currentKey;
    qint64 m_messageSize = 0;
    qsizetype m_queuedBytes = 0; // complete messages handed to the pool, not yet on disk
    bool m_receivePaused = false;
    bool m_headerComplete = false;
    bool m_finished = false;
    int m_commitsRunning = 0;
    std::optional<diagnostics::Diagnostic> m_failure;
    QThreadPool m_syncPool; // last member: destroyed first, waits for running commits
};

} // namespace kurier::pop3

Q_DECLARE_METATYPE(kurier::pop3::Pop3Fetch::Result)
