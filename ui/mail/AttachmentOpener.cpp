#include "mail/AttachmentOpener.h"

#include "mail/SafeFileName.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QSaveFile>

namespace kurier::ui {

AttachmentOpener::AttachmentOpener() = default;

QString AttachmentOpener::writeCopy(const QString &fileName, const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return QString();
    };
    if (!m_dir) {
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kurier-attachments-XXXXXX"));
        if (!m_dir->isValid()) {
            const QString text = m_dir->errorString();
            m_dir.reset();
            return fail(text);
        }
    }
    // mkdtemp already makes it 0700; said again so that no umask or platform can widen it.
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    QFile::setPermissions(m_dir->path(), ownerOnly);
    const QString sub = m_dir->path() + u'/' + QString::number(++m_count);
    if (!QDir().mkdir(sub) || !QFile::setPermissions(sub, ownerOnly))
        return fail(QCoreApplication::translate("AttachmentOpener", "Cannot create %1.").arg(sub));
    const QString path = sub + u'/' + safeFileName(fileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return fail(file.errorString());
    QFile::setPermissions(path, QFileDevice::ReadOwner);
    return path;
}

bool AttachmentOpener::looksExecutable(const QString &fileName, const QByteArray &data)
{
    static const QStringList suffixes = {
        QStringLiteral("exe"), QStringLiteral("com"), QStringLiteral("bat"), QStringLiteral("cmd"), QStringLiteral("msi"),
        QStringLiteral("scr"), QStringLiteral("pif"), QStringLiteral("vbs"), QStringLiteral("vbe"), QStringLiteral("js"),
        QStringLiteral("jse"), QStringLiteral("wsf"), QStringLiteral("ps1"), QStringLiteral("jar"), QStringLiteral("sh"),
        QStringLiteral("bash"), QStringLiteral("run"), QStringLiteral("bin"), QStringLiteral("desktop"), QStringLiteral("appimage"),
        QStringLiteral("py"), QStringLiteral("pl"), QStringLiteral("rb"), QStringLiteral("lnk"), QStringLiteral("hta"),
        QStringLiteral("cpl"), QStringLiteral("reg"), QStringLiteral("deb"), QStringLiteral("rpm"), QStringLiteral("apk"),
    };
    const QString name = safeFileName(fileName);
    if (suffixes.contains(name.section(u'.', -1).toLower()) && name.contains(u'.'))
        return true;
    // By content as well: a name can lie ("invoice.pdf" that is an ELF file or a script).
    if (data.startsWith("\x7f" "ELF") || data.startsWith("MZ") || data.startsWith("#!"))
        return true;
    const QMimeType type = QMimeDatabase().mimeTypeForFileNameAndData(name, data);
    for (const char *executable : {"application/x-executable", "application/x-sharedlib", "application/x-shellscript",
                                   "application/x-msdownload", "application/x-ms-dos-executable", "application/x-desktop",
                                   "application/vnd.microsoft.portable-executable", "application/x-java-archive"}) {
        if (type.inherits(QString::fromLatin1(executable)))
            return true;
    }
    return false;
}

} // namespace kurier::ui
