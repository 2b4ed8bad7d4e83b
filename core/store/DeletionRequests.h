#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace kurier::store {

// Messages the user deleted in Kurier that are to be deleted on the POP3 server at the next
// fetch ("delete on server when deleted locally"). One empty file per message, named by the
// message's UIDL key (the ",K=" part of its Maildir file name, UidlState::messageKey), in
// <account folder>/delete-on-server/. Files rather than one list: the window adds requests while
// a fetch (maybe another process, kurierctl fetch) reads and removes them, and creating or
// removing a file is atomic without a lock.
class DeletionRequests
{
public:
    explicit DeletionRequests(const QString &accountFolder);

    [[nodiscard]] QString path() const { return m_path; }
    // Records that the message with this key is to go; false and *error if that fails.
    bool add(const QByteArray &key, QString *error = nullptr) const;
    [[nodiscard]] QList<QByteArray> keys() const;
    // After the fetch that deleted them (or found them gone).
    void remove(const QList<QByteArray> &keys) const;

private:
    QString m_path;
};

} // namespace kurier::store
