#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

namespace kurier::store {

// What Kurier knows about the messages on one POP3 server for one user, as mpop keeps it: for
// each UIDL (RFC 1939 §7) the time it was first seen and whether it has been stored locally.
// "First seen" drives "delete after N days"; "fetched" makes the next fetch skip the message.
//
// File format (text, one line per UID, written atomically: tmp file, fsync, rename, fsync dir):
//   kurier-uidl 1 <user>@<host>
//   <first seen, seconds since 1970> <0|1 fetched> <uid>
class UidlState
{
public:
    UidlState(QString filePath, QString host, QString user);

    // The state file for a server and user under an account's folder.
    [[nodiscard]] static QString defaultPath(const QString &accountFolder, const QString &host, const QString &user);

    // Reads the file; a missing file is an empty state. False and *error if it is unreadable.
    bool load(QString *error = nullptr);
    // Writes it durably (see above).
    bool save(QString *error = nullptr);

    // Records a UID seen on the server now (keeps an earlier first-seen time).
    void seen(const QByteArray &uid, qint64 nowSeconds);
    void markFetched(const QByteArray &uid);
    [[nodiscard]] bool isFetched(const QByteArray &uid) const;
    [[nodiscard]] qint64 firstSeen(const QByteArray &uid) const; // -1 if unknown
    // Forgets UIDs no longer on the server (deleted there).
    void retainOnly(const QSet<QByteArray> &onServer);
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    [[nodiscard]] bool isDirty() const { return m_dirty; }

    // A short key for a UID of this server and user, put into the Maildir file name so that a
    // message stored just before a crash is recognised (and not fetched twice) even if this
    // state was not saved yet: 16 hex digits of SHA-256(host NUL user NUL uid).
    [[nodiscard]] QByteArray messageKey(const QByteArray &uid) const;
    // messageKey → UID for every UID known (to find the UID of a local message by its file name).
    [[nodiscard]] QHash<QByteArray, QByteArray> uidsByKey() const;

    // The user deleted this message locally and wants it gone from the server: the fetch sends
    // DELE for it whatever the leave-on-server policy says. In memory only (the requests are
    // kept in store::DeletionRequests until the fetch succeeded).
    void requestDeletion(const QByteArray &uid) { m_deletionRequested.insert(uid); }
    [[nodiscard]] bool isDeletionRequested(const QByteArray &uid) const { return m_deletionRequested.contains(uid); }

private:
    struct Entry {
        qint64 firstSeen = 0;
        bool fetched = false;
    };

    QString m_path;
    QString m_host;
    QString m_user;
    QHash<QByteArray, Entry> m_entries;
    bool m_dirty = false;
    QSet<QByteArray> m_deletionRequested;
};

} // namespace kurier::store
