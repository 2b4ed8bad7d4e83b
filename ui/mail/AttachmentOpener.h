#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kurier::ui {

// "Öffnen" for an attachment: a copy under its sanitised name in a directory only the user can
// read (0700, removed when Kurier ends), each copy in its own sub-directory so that two
// attachments of the same name never meet, the file itself read-only (an application that
// edits it would otherwise lose the changes unnoticed). The desktop opens that copy; the
// message file is never handed out.
class AttachmentOpener
{
public:
    AttachmentOpener();

    // Writes the copy; returns its path, or an empty string and *error.
    [[nodiscard]] QString writeCopy(const QString &fileName, const QByteArray &data, QString *error = nullptr);
    // Program files and scripts (by name and by content): opening one may run it, so the
    // window asks first.
    [[nodiscard]] static bool looksExecutable(const QString &fileName, const QByteArray &data);
    // The private directory (empty until the first copy).
    [[nodiscard]] QString directory() const { return m_dir ? m_dir->path() : QString(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_count = 0;
};

} // namespace kurier::ui
