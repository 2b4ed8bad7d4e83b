#include "store/DeletionRequests.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>

namespace kurier::store {

namespace {

// Keys are hex digits (UidlState::messageKey); anything else is not ours.
bool isKey(QByteArrayView key)
{
    if (key.isEmpty() || key.size() > 64)
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

} // namespace

DeletionRequests::DeletionRequests(const QString &accountFolder)
    : m_path(accountFolder + QStringLiteral("/delete-on-server"))
{
}

bool DeletionRequests::add(const QByteArray &key, QString *error) const
{
    if (!isKey(key)) {
        if (error)
            *error = QCoreApplication::translate("DeletionRequests", "The message has no server key.");
        return false;
    }
    if (!QDir().mkpath(m_path)) {
        if (error)
            *error = QCoreApplication::translate("DeletionRequests", "Cannot create %1.").arg(m_path);
        return false;
    }
    QFile f(m_path + u'/' + QString::fromLatin1(key));
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("DeletionRequests", "Cannot write %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    return true;
}

QList<QByteArray> DeletionRequests::keys() const
{
    QList<QByteArray> out;
    const QStringList names = QDir(m_path).entryList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QByteArray key = name.toLatin1();
        if (isKey(key))
            out << key;
    }
    return out;
}

void DeletionRequests::remove(const QList<QByteArray> &keys) const
{
    for (const QByteArray &key : keys) {
        if (isKey(key))
            QFile::remove(m_path + u'/' + QString::fromLatin1(key));
    }
}

} // namespace kurier::store
