#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace kurier::store {

class MaildirWriter;

// One Maildir folder (https://cr.yp.to/proto/maildir.html): tmp/, new/, cur/ — readable by
// mutt, notmuch, Dovecot and friends. Generic: the POP3 INBOX uses it, and so can the Outbox and
// Sent folders (SMTP) or any other folder.
//
// Delivery is crash-safe: the message is written to tmp/ (streamed with MaildirWriter, or whole
// with deliver()), fsync'd, then renamed into new/ — a reader sees all of it or nothing. The
// rename becomes durable with syncNewDirectory() (fsync of new/); callers batch that, e.g. once
// per hundred messages, and record "done" only after it.
//
// File names are "<secs>.M<usec>P<pid>Q<n>.<host>" plus an optional ",K=<key>" that callers can
// use to find a message again after a crash (POP3 puts a hash of the UIDL there); in cur/ the
// flags follow as ":2,<flags>" (letters in ASCII order: D F P R S T).
//
// Not thread-safe; one process should deliver into one folder at a time (callers lock).
class Maildir
{
public:
    explicit Maildir(QString path);

    [[nodiscard]] const QString &path() const { return m_path; }
    // Creates path, tmp/, new/ and cur/ (mode 0700). False and *error when that fails.
    bool create(QString *error = nullptr) const;
    [[nodiscard]] bool exists() const;

    // A new unique base name (no flags), with ",K=<key>" when key is given ([A-Za-z0-9] only).
    [[nodiscard]] QString uniqueName(const QByteArray &key = {}) const;

    // Streams a new message into tmp/; commit() moves it into new/. nullptr and *error on failure.
    [[nodiscard]] std::unique_ptr<MaildirWriter> beginDelivery(const QByteArray &key = {}, QString *error = nullptr) const;
    // A whole message at once (Outbox, tests): tmp/ → fsync → new/ → fsync new/.
    // Returns the file name in new/, or nullopt and *error.
    std::optional<QString> deliver(const QByteArray &message, const QByteArray &key = {}, QString *error = nullptr) const;

    // fsync of new/ (and cur/): makes the renames so far durable.
    bool syncNewDirectory(QString *error = nullptr) const;

    // Messages as paths relative to the folder ("new/<name>", "cur/<name>:2,S"), unsorted.
    [[nodiscard]] QStringList messages() const;
    [[nodiscard]] QString filePath(const QString &relative) const { return m_path + u'/' + relative; }
    // The ",K=" key of a file name, or empty.
    [[nodiscard]] static QByteArray keyOf(const QString &fileName);
    // The flags of a file name in cur/ ("S", "RS" …), empty for new/.
    [[nodiscard]] static QString flagsOf(const QString &fileName);
    // Moves a message to cur/ with exactly these flags (sorted); returns the new relative path.
    std::optional<QString> setFlags(const QString &relative, const QString &flags, QString *error = nullptr) const;

    // Removes files in tmp/ (left by a process that died mid-delivery) older than the given age;
    // 0 removes all — only when no other process delivers into this folder. Returns how many.
    int cleanTmp(qint64 olderThanSeconds = 36 * 3600) const;

private:
    QString m_path;
};

} // namespace kurier::store
