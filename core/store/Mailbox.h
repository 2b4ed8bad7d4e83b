#pragma once

#include "store/Account.h"
#include "store/MailLayout.h"
#include "store/MessageSummary.h"
#include "store/Outbox.h"
#include "mime/Draft.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <optional>

namespace kurier::store {

// The message operations on an account's local folders (the Maildirs of store::MailLayout that
// POP3, the Outbox, the composer and Löschen write): counting, marking read, moving to the Trash
// and back, emptying it. The window asks here and only shows the outcome; the Maildir stays the
// truth, so mutt or notmuch working the same folders meanwhile lose nothing.
class Mailbox
{
    Q_DECLARE_TR_FUNCTIONS(Mailbox)
public:
    using Kind = store::MailLayout::Folder;

    [[nodiscard]] static QList<Kind> all() { return store::MailLayout::folders(); }
    // The account's mail folder.
    [[nodiscard]] static QString accountRoot(const store::Account &account);
    [[nodiscard]] static QString path(const store::Account &account, Kind kind);
    // "Inbox", "Outbox", "Sent", "Drafts", "Trash" (translated).
    [[nodiscard]] static QString displayName(Kind kind);
    // Messages not yet seen (in new/, or in cur/ without the S flag); for the Outbox the number
    // of messages waiting. Counting lists the directories only; no file is opened.
    [[nodiscard]] static int unreadCount(const store::Account &account, Kind kind);
    // A Maildir relative path ("new/x", "cur/x:2,S") is unread.
    [[nodiscard]] static bool isUnread(const QString &relativePath);
    // A Maildir relative path carries the F (flagged) flag.
    [[nodiscard]] static bool isFlagged(const QString &relativePath);
    // Folders whose list shows the recipients rather than the sender.
    [[nodiscard]] static bool showsRecipients(Kind kind) { return kind == Kind::Outbox || kind == Kind::Sent || kind == Kind::Drafts; }

    // Als (un)gelesen markieren: sets or clears the Maildir S flag of a message (a path relative
    // to `folder`), keeping its other flags; the file moves to cur/ and stays there when unread
    // again (Maildir: new/ is for messages no client has seen). The new relative path, or nullopt
    // and *error.
    static std::optional<QString> setRead(const QString &folder, const QString &relativePath, bool read,
                                          QString *error = nullptr);
    // Als wichtig markieren: sets or clears the Maildir F flag the same way (mutt's and
    // Thunderbird's "flagged"/"starred"; IMAP's \Flagged, RFC 9051 §2.3.2).
    static std::optional<QString> setFlagged(const QString &folder, const QString &relativePath, bool flagged,
                                             QString *error = nullptr);

    // One flag for several messages of a folder (paths relative to it), each a rename within the
    // Maildir. Per message its new path, or why it stayed as it was.
    enum class Flag { Seen, Flagged };
    struct Marked
    {
        QStringList from;    // the relative paths that were marked…
        QStringList to;      // …and their new relative paths, in the same order
        QString error;       // why the last message that stayed could not be marked
    };
    static Marked mark(const QString &folder, const QStringList &relativePaths, Flag flag, bool on);

    // Löschen outside the Papierkorb: moves the message (a path relative to `fromFolder`) into
    // the account's Trash, keeping its file name (so its flags and its UIDL key stay) and adding
    // its line to the Trash's header index. Returns the path relative to the Trash, or nullopt
    // and *error.
    static std::optional<QString> moveToTrash(const store::Account &account, const QString &fromFolder,
                                              const QString &relativePath, QString *error = nullptr);

    // Löschen of several messages of a folder (paths relative to it): each goes to the Trash
    // (moveToTrash). From the Inbox of an account that deletes on the server when deleted
    // locally, each is also marked for DELE at the next fetch by the UIDL key in its name
    // (store::DeletionRequests). Per message: moved or not; what failed is named.
    struct Trashed
    {
        QStringList moved;   // the relative paths that are in the Trash now
        bool forServer = false; // they will be deleted on the server at the next fetch
        QString error;       // why the last message that stayed could not be moved
        QString serverError; // why one could not be marked for the server (it is in the Trash)
    };
    static Trashed trash(const store::Account &account, Kind kind, const QStringList &relativePaths);

    // Wiederherstellen: moves a message (a path relative to the Trash) back to the folder it was
    // deleted from — the Inbox when that is not known (moved there by an older Kurier) — keeping
    // its file name. A message from the Inbox is no longer to be deleted on the server.
    struct Restored
    {
        Kind folder = Kind::Inbox;
        QString relativePath;
    };
    static std::optional<Restored> restoreFromTrash(const store::Account &account, const QString &relativePath,
                                                    QString *error = nullptr);
    // Papierkorb leeren: deletes every message in the Trash for good. Returns how many went, or
    // -1 and *error naming what could not be deleted (the rest is gone).
    static int emptyTrash(const store::Account &account, QString *error = nullptr);
    // Ordner als gelesen markieren: gives every unread message in the folder the S flag (each a
    // rename within the Maildir, so a fetch delivering meanwhile loses nothing). Returns how many
    // were marked, or -1 and *error naming those that could not be (the rest are marked).
    static int markAllRead(const store::Account &account, Kind kind, QString *error = nullptr);
    // Messages in a folder (listing only).
    [[nodiscard]] static int messageCount(const store::Account &account, Kind kind);

    // The messages of a folder (a Maildir path) for its list, from its header index
    // (.kurier-index) and a listing of new/ and cur/: 100,000 messages are one index file and
    // two directories. Only messages the index lacks (delivered by another program, or folders
    // that keep no index such as Sent) have their header block read. Never writes the index (a
    // fetch may be appending to it). Thread-safe; missing folders are empty.
    [[nodiscard]] static QList<MessageSummary> summaries(const QString &folder);
    // The Maildir files of a folder (relative paths), to tell whether it changed on disk.
    [[nodiscard]] static QSet<QString> files(const QString &folder);
    // The size of the folder's header index in bytes (how long summaries() takes).
    [[nodiscard]] static qint64 indexSize(const QString &folder);
    // A message's bytes (a path relative to `folder`), or nullopt and *error.
    static std::optional<QByteArray> read(const QString &folder, const QString &relativePath, QString *error = nullptr);

    // Senden: the composed message built (RFC 5322, Bcc only in the envelope) and put with its
    // envelope into the account's Outbox, durably, for the sender to pick up. From is the
    // draft's, or the account's when the draft has none. The one way a composed message is
    // queued (the window's composer and OutboxService::submit). Its Outbox id, or nullopt and
    // *error saying why (then nothing was queued).
    static std::optional<QString> queue(const store::Account &account, const mime::Draft &draft, QString *error = nullptr);
    // Entwurf speichern: the message into the account's Drafts, flagged D (draft) and S (seen).
    // Its file path, or nullopt and *error.
    static std::optional<QString> saveDraft(const store::Account &account, const QByteArray &message,
                                            QString *error = nullptr);
    // A draft that was sent, or replaced by a newer save: removed. Only a file of the account's
    // Drafts is touched (a path from elsewhere is left alone, false).
    static bool discardDraft(const store::Account &account, const QString &filePath);

    // The Outbox's record of a message there (a path relative to the Outbox): its state, the
    // attempts and the last error. nullopt when there is none.
    [[nodiscard]] static std::optional<Outbox::Entry> outboxEntry(const store::Account &account, const QString &relativePath);

    // Löschen for good (in the Trash and the Outbox): per message removed or not. An Outbox
    // message goes with its envelope; one being sent at this moment stays.
    struct Removed
    {
        QStringList removed; // the relative paths that are gone
        QString error;       // why the last one that stayed could not be removed
    };
    static Removed remove(const store::Account &account, Kind kind, const QStringList &relativePaths);

private:
    // Sets or clears one Maildir info flag ("2," flags, sorted as the Maildir spec asks).
    static std::optional<QString> setFlag(const QString &folder, const QString &relativePath, QChar flag, bool on,
                                          QString *error);
    // Where the Trash remembers which folder each message came from: one small file per message,
    // named by its base name, holding the folder's name ("Inbox", "Sent", "Drafts").
    [[nodiscard]] static QString originsPath(const store::Account &account);
    // Moves a message between two Maildirs of the account (same sub-directory and file name)
    // and adds its line to the target's header index.
    static bool moveMessage(const QString &fromFolder, const QString &toFolder, const QString &relativePath,
                            QString *error);
};

} // namespace kurier::store
