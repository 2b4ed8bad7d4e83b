#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QString>

namespace kurier::store {

class Maildir;

// The data of the message list (date, sender, subject) for one Maildir, so that a list of
// thousands of messages needs no file opened: one line per message, appended as messages
// arrive, and rebuildable from the Maildir at any time (the Maildir is the truth; the index is a
// cache). Lines: base name (without new/, cur/ and flags) TAB size TAB date (seconds since 1970,
// empty if unparsable) TAB From TAB Subject TAB Message-ID TAB To TAB marks ("A": has
// attachments); header values unfolded, tabs → spaces, not RFC 2047-decoded (the message view
// does that). Lines of older versions (without To and marks) are read as well.
class HeaderIndex
{
public:
    struct Entry {
        QString baseName;
        qint64 size = 0;
        QDateTime date;
        QString from;
        QString subject;
        QString messageId;
        QString to;
        // Judged from the header alone: multipart/mixed, or a single part that is not text —
        // what the paperclip in the list shows without opening the file.
        bool hasAttachment = false;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit HeaderIndex(QString filePath);
    [[nodiscard]] const QString &filePath() const { return m_path; }

    // Parses the header block of a message (up to the first empty line; LF or CRLF line ends).
    [[nodiscard]] static Entry parse(QByteArrayView message, const QString &baseName, qint64 size);
    // The base name of a Maildir file name or relative path ("cur/x:2,S" → "x").
    [[nodiscard]] static QString baseName(const QString &fileName);
    // Where the header block of a message ends (index after the empty line), or -1 if not yet.
    [[nodiscard]] static qsizetype headerEnd(QByteArrayView bytes);

    bool append(const Entry &entry, QString *error = nullptr);
    [[nodiscard]] QList<Entry> load() const;
    // Re-reads every message's header from the Maildir and rewrites the index.
    bool rebuild(const Maildir &maildir, QString *error = nullptr);

private:
    [[nodiscard]] static QByteArray toLine(const Entry &entry);

    QString m_path;
    QFile m_appendFile;
};

} // namespace kurier::store
