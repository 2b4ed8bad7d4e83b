#include "common/WindowState.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace kurier::ui {

namespace {

const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kFolderSplitter = QStringLiteral("mainWindow/folderSplitter");
const QString kListSplitter = QStringLiteral("mainWindow/listSplitter");
const QString kListHeader = QStringLiteral("mainWindow/listHeader");
const QString kAccount = QStringLiteral("mainWindow/account");
const QString kFolder = QStringLiteral("mainWindow/folder");
const QString kComposerGeometry = QStringLiteral("composer/geometry");

} // namespace

QString WindowState::pathBeside(const QString &settingsFile)
{
    return QFileInfo(settingsFile).dir().filePath(QStringLiteral("window-state.ini"));
}

WindowState WindowState::load(const QString &path)
{
    WindowState state;
    if (!QFileInfo::exists(path))
        return state;
    const QSettings s(path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return state;
    // Qt checks these blobs itself (restoreGeometry/restoreState refuse what they did not write).
    state.geometry = s.value(kGeometry).toByteArray();
    state.folderSplitter = s.value(kFolderSplitter).toByteArray();
    state.listSplitter = s.value(kListSplitter).toByteArray();
    state.listHeader = s.value(kListHeader).toByteArray();
    state.accountId = s.value(kAccount).toString();
    bool ok = false;
    state.folderKind = s.value(kFolder).toInt(&ok);
    if (!ok)
        state.folderKind = -1;
    return state;
}

bool WindowState::save(const QString &path) const
{
    QSettings s(path, QSettings::IniFormat);
    s.setValue(kGeometry, geometry);
    s.setValue(kFolderSplitter, folderSplitter);
    s.setValue(kListSplitter, listSplitter);
    s.setValue(kListHeader, listHeader);
    s.setValue(kAccount, accountId);
    s.setValue(kFolder, folderKind);
    s.sync();
    return s.status() == QSettings::NoError;
}

QByteArray WindowState::loadComposerGeometry(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    return QSettings(path, QSettings::IniFormat).value(kComposerGeometry).toByteArray();
}

void WindowState::saveComposerGeometry(const QString &path, const QByteArray &geometry)
{
    QSettings(path, QSettings::IniFormat).setValue(kComposerGeometry, geometry);
}

} // namespace kurier::ui
