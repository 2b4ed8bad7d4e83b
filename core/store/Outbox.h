#pragma once

#include "diagnostics/Diagnostic.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace kurier::store {
class FileLock;
class Maildir;
}

namespace kurier::store {

// The account's Outbox and Sent folders (store::Maildir, $XDG_DATA_HOME/kurier/<prefix>/Outbox
// and …/Sent). "Send" first writes the message durably into the Outbox; the sender works the Outbox;
// success moves the file into Sent. Every state change is written (fsync, atomic rename) before
// the step it protects, so killing Kurier at any moment loses nothing and sends nothing twice:
// a message marked Sending when the program died may have gone out, and is sent again only on
// the user's word (retry()).
//
// Each message has a state file next to it (Outbox/kurier-state/<name>.json) with the envelope
// (Bcc recipients are only there) and the last error. A message file never exists without it.
class Outbox
{
public:
    enum class State {
        Queued,    // waiting; sent when due
        Sending,   // the data may be on its way; on restart this becomes Unknown
        Deferred,  // a temporary failure (4xx, network): sent again at nextAttempt
        Failed,    // a permanent failure: kept with the diagnostic until the user acts
        Unknown,   // the connection broke after the data went out: sent again only on request
    };

    struct Entry {
        QString id; // the Maildir unique name
        State state = State::Queued;
        QString reversePath;
        QStringList recipients;
        int attempts = 0;
        QDateTime queuedAt;
        QDateTime nextAttempt; // for Deferred
        diagnostics::Diagnostic lastError;
        QString subject; // for lists, from the message's header
        [[nodiscard]] bool isDue(const QDateTime &now) const
        {
            return state == State::Queued || (state == State::Deferred && (!nextAttempt.isValid() || nextAttempt <= now));
        }
    };

    // root: the account's mail folder ($XDG_DATA_HOME/kurier/<prefix>).
    explicit Outbox(const QString &root);

    ~Outbox();

    // Creates the folders. False and errorString() when they cannot be made.
    bool open();

    // Only one process works an Outbox at a time (the GUI and kurierctl may both run): true
    // when this one may send now. Then — and only then — Sending left behind by a dead process
    // becomes Unknown, and state files without a message are removed.
    bool beginSending();
    void endSending();
    [[nodiscard]] QString errorString() const { return m_error; }

    // Writes the message and its envelope; returns the new entry's id, or nullopt (errorString()).
    std::optional<QString> enqueue(const QString &reversePath, const QStringList &recipients, const QByteArray &message);

    [[nodiscard]] QList<Entry> entries() const;
    [[nodiscard]] std::optional<Entry> entry(const QString &id) const;
    [[nodiscard]] QByteArray messageData(const QString &id) const;

    // State changes (each durable before it returns true).
    bool markSending(const QString &id);
    // Success: into Sent (flag Seen); returns the file name in Sent/cur.
    std::optional<QString> moveToSent(const QString &id);
    bool defer(const QString &id, const diagnostics::Diagnostic &error, const QDateTime &nextAttempt);
    bool markFailed(const QString &id, const diagnostics::Diagnostic &error);
    bool markUnknown(const QString &id, const diagnostics::Diagnostic &error);
    // The user's word: send again (Failed, Unknown or Deferred → Queued).
    bool retry(const QString &id);
    bool remove(const QString &id);

    // When the next Deferred message is due (for the sender's timer); nullopt when none waits.
    [[nodiscard]] std::optional<QDateTime> nextAttemptDue() const;

    // Retry delay after the n-th temporary failure: 1, 5, 15, 30, 60 minutes, then hourly.
    [[nodiscard]] static int backoffSeconds(int attempts);

    [[nodiscard]] QString outboxPath() const { return m_root + QStringLiteral("/Outbox"); }
    [[nodiscard]] QString sentPath() const { return m_root + QStringLiteral("/Sent"); }
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    [[nodiscard]] static QString stateToKey(State state);

private:
    [[nodiscard]] QString messagePath(const QString &id) const;
    [[nodiscard]] QString statePath(const QString &id) const;
    [[nodiscard]] std::optional<Entry> readState(const QString &id) const;
    bool writeState(const Entry &entry);

    QString m_root;
    mutable QString m_error;
    std::unique_ptr<FileLock> m_lock;
    std::unique_ptr<Maildir> m_outbox;
    std::unique_ptr<Maildir> m_sent;
};

} // namespace kurier::store
