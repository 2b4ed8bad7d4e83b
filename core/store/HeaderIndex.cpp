#include "store/HeaderIndex.h"

#include "store/Maildir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace kurier::store {

namespace {

QString clean(const QByteArray &value)
{
    QString s = QString::fromUtf8(value.simplified());
    s.replace(u'\t', u' ');
    return s;
}

} // namespace

HeaderIndex::HeaderIndex(QString filePath)
    : m_path(std::move(filePath))
{
}

qsizetype HeaderIndex::headerEnd(QByteArrayView bytes)
{
    if (bytes.startsWith('\n'))
        return 1;
    if (bytes.startsWith("\r\n"))
        return 2;
    qsizetype at = bytes.indexOf("\n\n");
    const qsizetype crlf = bytes.indexOf("\n\r\n");
    if (crlf >= 0 && (at < 0 || crlf < at))
        return crlf + 3;
    return at < 0 ? -1 : at + 2;
}

QString HeaderIndex::baseName(const QString &fileName)
{
    QString base = fileName.mid(fileName.lastIndexOf(u'/') + 1);
    const qsizetype colon = base.indexOf(QStringLiteral(":2,"));
    if (colon >= 0)
        base.truncate(colon);
    return base;
}

HeaderIndex::Entry HeaderIndex::parse(QByteArrayView message, const QString &baseName, qint64 size)
{
    Entry e;
    e.baseName = baseName;
    e.size = size;
    const qsizetype end = headerEnd(message);
    const QByteArrayView header = end < 0 ? message : message.first(end);
    QByteArray name;
    QByteArray value;
    bool contentTypeSeen = false;
    auto finish = [&] {
        if (name.isEmpty())
            return;
        const QByteArray n = name.toLower();
        if (n == "subject" && e.subject.isEmpty())
            e.subject = clean(value);
        else if (n == "from" && e.from.isEmpty())
            e.from = clean(value);
        else if (n == "message-id" && e.messageId.isEmpty())
            e.messageId = clean(value);
        else if (n == "to" && e.to.isEmpty())
            e.to = clean(value);
        else if (n == "content-type" && !contentTypeSeen) {
            contentTypeSeen = true;
            const QByteArray type = value.trimmed().toLower();
            e.hasAttachment = type.startsWith("multipart/mixed") || type.startsWith("application/")
                || type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")
                || type.startsWith("message/");
        }
        else if (n == "date" && !e.date.isValid())
            e.date = QDateTime::fromString(QString::fromLatin1(value.simplified()), Qt::RFC2822Date);
        name.clear();
        value.clear();
    };
    qsizetype pos = 0;
    while (pos < header.size()) {
        qsizetype nl = header.indexOf('\n', pos);
        if (nl < 0)
            nl = header.size();
        QByteArrayView line = header.sliced(pos, nl - pos);
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break;
        if (line.front() == ' ' || line.front() == '\t') { // RFC 5322 §2.2.3 folding
            value += ' ';
            value += line.trimmed();
            continue;
        }
        finish();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        name = line.first(colon).trimmed().toByteArray();
        value = line.sliced(colon + 1).trimmed().toByteArray();
    }
    finish();
    return e;
}

QByteArray HeaderIndex::toLine(const Entry &e)
{
    QByteArray line = e.baseName.toUtf8();
    line += '\t';
    line += QByteArray::number(e.size);
    line += '\t';
    if (e.date.isValid())
        line += QByteArray::number(e.date.toSecsSinceEpoch());
    line += '\t';
    line += e.from.toUtf8();
    line += '\t';
    line += e.subject.toUtf8();
    line += '\t';
    line += e.messageId.toUtf8();
    line += '\t';
    line += e.to.toUtf8();
    line += '\t';
    if (e.hasAttachment)
        line += 'A';
    line += '\n';
    return line;
}

bool HeaderIndex::append(const Entry &entry, QString *error)
{
    if (!m_appendFile.isOpen()) {
        m_appendFile.setFileName(m_path);
        if (!m_appendFile.open(QIODevice::WriteOnly | QIODevice::Append)) {
            if (error)
                *error = QCoreApplication::translate("HeaderIndex", "Cannot write %1: %2").arg(m_path, m_appendFile.errorString());
            return false;
        }
    }
    const QByteArray line = toLine(entry);
    // One write per line: a crash leaves at most a partial last line, which load() skips.
    if (m_appendFile.write(line) != line.size() || !m_appendFile.flush()) {
        if (error)
            *error = QCoreApplication::translate("HeaderIndex", "Cannot write %1: %2").arg(m_path, m_appendFile.errorString());
        return false;
    }
    return true;
}

QList<HeaderIndex::Entry> HeaderIndex::load() const
{
    QList<Entry> out;
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray all = f.readAll();
    qsizetype pos = 0;
    while (pos < all.size()) {
        const qsizetype nl = all.indexOf('\n', pos);
        if (nl < 0)
            break; // partial last line
        const QList<QByteArray> fields = all.mid(pos, nl - pos).split('\t');
        pos = nl + 1;
        if (fields.size() < 6)
            continue;
        Entry e;
        e.baseName = QString::fromUtf8(fields[0]);
        e.size = fields[1].toLongLong();
        if (!fields[2].isEmpty())
            e.date = QDateTime::fromSecsSinceEpoch(fields[2].toLongLong(), Qt::UTC);
        e.from = QString::fromUtf8(fields[3]);
        e.subject = QString::fromUtf8(fields[4]);
        e.messageId = QString::fromUtf8(fields[5]);
        if (fields.size() >= 8) {
            e.to = QString::fromUtf8(fields[6]);
            e.hasAttachment = fields[7].contains('A');
        }
        out << e;
    }
    return out;
}

bool HeaderIndex::rebuild(const Maildir &maildir, QString *error)
{
    m_appendFile.close();
    QByteArray out;
    const QStringList files = maildir.messages();
    for (const QString &relative : files) {
        QFile f(maildir.filePath(relative));
        if (!f.open(QIODevice::ReadOnly))
            continue; // moved or deleted meanwhile
        QByteArray head;
        while (!f.atEnd() && headerEnd(head) < 0 && head.size() < (1 << 20))
            head += f.read(16384);
        out += toLine(parse(head, baseName(relative), f.size()));
    }
    QSaveFile save(m_path);
    if (!save.open(QIODevice::WriteOnly) || save.write(out) != out.size() || !save.commit()) {
        if (error)
            *error = QCoreApplication::translate("HeaderIndex", "Cannot write %1: %2").arg(m_path, save.errorString());
        return false;
    }
    return true;
}

} // namespace kurier::store
