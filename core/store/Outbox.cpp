#include "store/Outbox.h"

#include "store/MailLayout.h"

#include "store/FileLock.h"

#include "store/Maildir.h"
#include "store/MaildirWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSysInfo>

#include <cerrno>
#include <cstdio>

namespace kurier::store {

namespace {

const QString StateDir = QStringLiteral("kurier-state");

QJsonObject diagnosticToJson(const diagnostics::Diagnostic &d)
{
    if (d.isEmpty())
        return {};
    return {{QStringLiteral("summary"), d.summary}, {QStringLiteral("serverText"), d.serverText},
            {QStringLiteral("cause"), d.cause},     {QStringLiteral("fix"), d.fix},
            {QStringLiteral("code"), d.code},       {QStringLiteral("retryable"), d.retryable},
            {QStringLiteral("stage"), int(d.stage)}};
}

diagnostics::Diagnostic diagnosticFromJson(const QJsonObject &o)
{
    diagnostics::Diagnostic d;
    d.summary = o.value(QStringLiteral("summary")).toString();
    d.serverText = o.value(QStringLiteral("serverText")).toString();
    d.cause = o.value(QStringLiteral("cause")).toString();
    d.fix = o.value(QStringLiteral("fix")).toString();
    d.code = o.value(QStringLiteral("code")).toString();
    d.retryable = o.value(QStringLiteral("retryable")).toBool();
    d.stage = diagnostics::Diagnostic::Stage(o.value(QStringLiteral("stage")).toInt());
    return d;
}

std::optional<Outbox::State> stateFromKey(const QString &key)
{
    for (auto s : {Outbox::State::Queued, Outbox::State::Sending, Outbox::State::Deferred, Outbox::State::Failed,
                   Outbox::State::Unknown}) {
        if (Outbox::stateToKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString subjectOf(const QByteArray &message)
{
    // Only for lists; the raw (possibly RFC 2047 encoded) header line is good enough here.
    const qsizetype end = message.indexOf("\r\n\r\n");
    const QByteArray headers = message.left(end < 0 ? message.size() : end);
    for (const QByteArray &line : headers.split('\n')) {
        if (line.startsWith("Subject:") || line.startsWith("subject:"))
            return QString::fromUtf8(line.mid(8).trimmed());
    }
    return {};
}

} // namespace

Outbox::Outbox(const QString &root)
    : m_root(root)
    , m_outbox(std::make_unique<Maildir>(MailLayout(root).path(MailLayout::Folder::Outbox)))
    , m_sent(std::make_unique<Maildir>(MailLayout(root).path(MailLayout::Folder::Sent)))
{
}

QString Outbox::stateToKey(State state)
{
    switch (state) {
    case State::Queued: return QStringLiteral("queued");
    case State::Sending: return QStringLiteral("sending");
    case State::Deferred: return QStringLiteral("deferred");
    case State::Failed: return QStringLiteral("failed");
    case State::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

int Outbox::backoffSeconds(int attempts)
{
    static const int steps[] = {60, 5 * 60, 15 * 60, 30 * 60, 60 * 60};
    const int i = std::clamp(attempts - 1, 0, int(std::size(steps)) - 1);
    return steps[i];
}

Outbox::~Outbox()
{
    endSending();
}

bool Outbox::open()
{
    QString error;
    if (!m_outbox->create(&error) || !m_sent->create(&error) || !QDir().mkpath(outboxPath() + u'/' + StateDir)) {
        m_error = QCoreApplication::translate("Outbox", "Cannot create the mail folders in %1.").arg(m_root);
        if (!error.isEmpty())
            m_error += u' ' + error;
        return false;
    }
    return true;
}

void Outbox::endSending()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

bool Outbox::beginSending()
{
    if (m_lock)
        return true;
    auto lock = std::make_unique<FileLock>(outboxPath() + u'/' + StateDir + QStringLiteral("/sending.lock"));
    if (!lock->tryLock()) {
        m_error = lock->error().isEmpty()
            ? QCoreApplication::translate("Outbox", "Another Kurier process is sending from this Outbox.")
            : lock->error();
        return false;
    }
    m_lock = std::move(lock);
    m_outbox->cleanTmp(); // half-written files of processes that died in enqueue()
    // A dead process leaves its Sending messages behind: whether they went out is unknown.
    for (const Entry &e : entries()) {
        if (e.state == State::Sending) {
            diagnostics::Diagnostic d;
            d.stage = diagnostics::Diagnostic::Stage::Network;
            d.summary = QCoreApplication::translate("Outbox", "Kurier ended while this message was being sent");
            d.cause = QCoreApplication::translate("Outbox", "It may or may not have reached the server.");
            d.fix = QCoreApplication::translate("Outbox", "Check with the recipients or in the server's Sent folder; "
                                                          "send it again only if it did not arrive.");
            d.code = QStringLiteral("interrupted");
            markUnknown(e.id, d);
        }
    }
    // State files whose message is gone (a crash between the two writes of enqueue() or moveToSent()).
    const QStringList stateFiles = QDir(outboxPath() + u'/' + StateDir).entryList({QStringLiteral("*.json")}, QDir::Files);
    const QDateTime hourAgo = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const QString &name : stateFiles) {
        const QString id = name.chopped(5);
        // Not one that another process is writing right now (state first, message second).
        if (messagePath(id).isEmpty() && QFileInfo(statePath(id)).lastModified().toUTC() < hourAgo)
            QFile::remove(statePath(id));
    }
    return true;
}

QString Outbox::messagePath(const QString &id) const
{
    // The file is <id> in new/, or <id>:2,<flags> in cur/.
    QString inNew = m_outbox->filePath(QStringLiteral("new/") + id); // not const: returned by move
    if (QFile::exists(inNew))
        return inNew;
    const QDir cur(outboxPath() + QStringLiteral("/cur"));
    const QStringList matches = cur.entryList({id + QStringLiteral(":2,*")}, QDir::Files);
    return matches.isEmpty() ? QString() : cur.filePath(matches.first());
}

QString Outbox::statePath(const QString &id) const
{
    return outboxPath() + u'/' + StateDir + u'/' + id + QStringLiteral(".json");
}

std::optional<QString> Outbox::enqueue(const QString &reversePath, const QStringList &recipients, const QByteArray &message)
{
    // tmp/ first; the name is known before the message is visible.
    std::unique_ptr<MaildirWriter> writer = m_outbox->beginDelivery({}, &m_error);
    if (!writer)
        return std::nullopt;
    Entry e;
    e.id = writer->name();
    e.state = State::Queued;
    e.reversePath = reversePath;
    e.recipients = recipients;
    e.queuedAt = QDateTime::currentDateTimeUtc();
    e.subject = subjectOf(message);
    // The state before the message: a message file never exists without its envelope.
    if (!writeState(e))
        return std::nullopt;
    if (!writer->write(message) || !writer->commit() || !m_outbox->syncNewDirectory(&m_error)) {
        if (!writer->errorString().isEmpty())
            m_error = writer->errorString();
        writer->discard();
        QFile::remove(statePath(e.id));
        return std::nullopt;
    }
    return e.id;
}

bool Outbox::writeState(const Entry &e)
{
    QJsonObject o{{QStringLiteral("state"), stateToKey(e.state)},
                  {QStringLiteral("from"), e.reversePath},
                  {QStringLiteral("to"), QJsonArray::fromStringList(e.recipients)},
                  {QStringLiteral("attempts"), e.attempts},
                  {QStringLiteral("queuedAt"), e.queuedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("subject"), e.subject}};
    if (e.nextAttempt.isValid())
        o.insert(QStringLiteral("nextAttempt"), e.nextAttempt.toUTC().toString(Qt::ISODateWithMs));
    if (!e.lastError.isEmpty())
        o.insert(QStringLiteral("lastError"), diagnosticToJson(e.lastError));
    QSaveFile f(statePath(e.id));
    if (!f.open(QIODevice::WriteOnly)) {
        m_error = f.errorString();
        return false;
    }
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!f.commit()) { // flushes, syncs and renames over the old file
        m_error = f.errorString();
        return false;
    }
    return true;
}

std::optional<Outbox::Entry> Outbox::readState(const QString &id) const
{
    QFile f(statePath(id));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    Entry e;
    e.id = id;
    e.state = stateFromKey(o.value(QStringLiteral("state")).toString()).value_or(State::Failed);
    e.reversePath = o.value(QStringLiteral("from")).toString();
    for (const QJsonValue v : o.value(QStringLiteral("to")).toArray()) // a copy: the array yields QJsonValueRef
        e.recipients << v.toString();
    e.attempts = o.value(QStringLiteral("attempts")).toInt();
    e.queuedAt = QDateTime::fromString(o.value(QStringLiteral("queuedAt")).toString(), Qt::ISODateWithMs);
    e.nextAttempt = QDateTime::fromString(o.value(QStringLiteral("nextAttempt")).toString(), Qt::ISODateWithMs);
    e.lastError = diagnosticFromJson(o.value(QStringLiteral("lastError")).toObject());
    e.subject = o.value(QStringLiteral("subject")).toString();
    return e;
}

QList<Outbox::Entry> Outbox::entries() const
{
    QList<Entry> result;
    const QStringList messages = m_outbox->messages();
    for (const QString &relative : messages) {
        const QString id = relative.section(u'/', 1).section(u':', 0, 0);
        if (auto e = readState(id)) {
            result.append(*e);
        } else {
            // A message without a state file (put there by another program): without its
            // envelope the Bcc recipients are unknown, so it is kept and not sent.
            Entry broken;
            broken.id = id;
            broken.state = State::Failed;
            broken.lastError.summary = QCoreApplication::translate("Outbox", "The message's envelope is missing");
            broken.lastError.fix = QCoreApplication::translate("Outbox", "Open the message and send it again.");
            result.append(broken);
        }
    }
    std::sort(result.begin(), result.end(), [](const Entry &a, const Entry &b) { return a.id < b.id; });
    return result;
}

std::optional<Outbox::Entry> Outbox::entry(const QString &id) const
{
    if (messagePath(id).isEmpty())
        return std::nullopt;
    return readState(id);
}

QByteArray Outbox::messageData(const QString &id) const
{
    QFile f(messagePath(id));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

std::optional<QDateTime> Outbox::nextAttemptDue() const
{
    std::optional<QDateTime> next;
    for (const Entry &e : entries()) {
        if (e.state == State::Queued)
            return QDateTime::currentDateTimeUtc();
        if (e.state == State::Deferred && (!next || e.nextAttempt < *next))
            next = e.nextAttempt;
    }
    return next;
}

bool Outbox::markSending(const QString &id)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = State::Sending;
    return writeState(*e);
}

std::optional<QString> Outbox::moveToSent(const QString &id)
{
    const QString from = messagePath(id);
    if (from.isEmpty())
        return std::nullopt;
    const QString name = id + QStringLiteral(":2,S");
    const QString to = sentPath() + QStringLiteral("/cur/") + name;
    // One rename: the message is in the Outbox or in Sent, never in neither or both.
    // (Between two Maildirs, which store::Maildir does not do itself.)
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        m_error = qt_error_string(errno);
        return std::nullopt;
    }
    // Not durable yet? Then after a crash the message is still in the Outbox, marked Sending,
    // and becomes Unknown — never sent again on its own.
    m_sent->syncNewDirectory();
    QFile::remove(statePath(id));
    return name;
}

bool Outbox::defer(const QString &id, const diagnostics::Diagnostic &error, const QDateTime &nextAttempt)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = State::Deferred;
    ++e->attempts;
    e->lastError = error;
    e->nextAttempt = nextAttempt;
    return writeState(*e);
}

bool Outbox::markFailed(const QString &id, const diagnostics::Diagnostic &error)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = State::Failed;
    e->lastError = error;
    return writeState(*e);
}

bool Outbox::markUnknown(const QString &id, const diagnostics::Diagnostic &error)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = State::Unknown;
    e->lastError = error;
    return writeState(*e);
}

bool Outbox::retry(const QString &id)
{
    auto e = entry(id);
    if (!e)
        return false;
    e->state = State::Queued;
    e->nextAttempt = {};
    return writeState(*e);
}

bool Outbox::remove(const QString &id)
{
    const QString path = messagePath(id);
    if (path.isEmpty())
        return false;
    const bool ok = QFile::remove(path);
    QFile::remove(statePath(id));
    return ok;
}

} // namespace kurier::store
