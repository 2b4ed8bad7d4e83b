#pragma once

#include <QByteArrayView>
#include <QString>

namespace kurier::store {

// One message being delivered into a Maildir (see Maildir.h): bytes go straight to a file in
// tmp/ as they arrive — a message is never held whole in memory — and commit() syncs it and
// renames it into new/. Destroyed without commit(), the file in tmp/ is removed.
class MaildirWriter
{
public:
    MaildirWriter(QString folder, QString name, int fd);
    ~MaildirWriter();
    MaildirWriter(const MaildirWriter &) = delete;
    MaildirWriter &operator=(const MaildirWriter &) = delete;

    bool write(QByteArrayView bytes);
    // fsync (when sync) and rename into new/. The name in new/ is name().
    bool commit(bool sync = true);
    void discard();

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] qint64 size() const { return m_size; }
    [[nodiscard]] const QString &errorString() const { return m_error; }

private:
    QString m_folder;
    QString m_name;
    int m_fd;
    qint64 m_size = 0;
    bool m_done = false;
    QString m_error;
};

} // namespace kurier::store
