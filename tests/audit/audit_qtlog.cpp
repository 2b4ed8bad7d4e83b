// Loaded by audit_preload into kurierctl and kurier during the secret leak audit only.
// Tests run kurierctl without QT_LOGGING_RULES on purpose (they check that it prints no debug
// noise by default), so its debug output would never be seen by the audit. This module turns
// every kurier.* category on, writes every message to $KURIER_AUDIT_DIR/logs/NAME.PID.qt.log,
// and passes on to the previous handler (stderr) only what the normal rules let through: the
// program's visible behaviour is unchanged.
#include <QByteArray>
#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>

#include <fcntl.h>
#include <map>
#include <string>
#include <unistd.h>

namespace {

QtMessageHandler g_previousHandler = nullptr;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
int g_log = -1;
QBasicMutex g_mutex;
std::map<std::string, unsigned> g_normallyEnabled; // category → bit per QtMsgType the rules allow

unsigned bit(QtMsgType type) { return 1u << static_cast<unsigned>(type); }

void filter(QLoggingCategory *category)
{
    g_previousFilter(category); // the rules as they are (QT_LOGGING_RULES, config files)
    unsigned mask = 0;
    for (QtMsgType t : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg}) {
        if (category->isEnabled(t))
            mask |= bit(t);
    }
    {
        const QMutexLocker lock(&g_mutex);
        g_normallyEnabled[category->categoryName()] = mask;
    }
    if (qstrncmp(category->categoryName(), "kurier", 6) == 0) {
        for (QtMsgType t : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
            category->setEnabled(t, true);
    }
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *name = context.category ? context.category : "default";
    bool normallyShown = true;
    {
        const QMutexLocker lock(&g_mutex);
        const auto it = g_normallyEnabled.find(name);
        if (it != g_normallyEnabled.end())
            normallyShown = it->second & bit(type);
    }
    if (g_log >= 0) {
        const QByteArray line = QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")).toLatin1() + name
            + ": " + message.toUtf8() + '\n';
        (void)!write(g_log, line.constData(), static_cast<size_t>(line.size()));
    }
    if (normallyShown || type == QtFatalMsg)
        g_previousHandler(type, context, message);
}

__attribute__((constructor)) void init()
{
    const QByteArray dir = qgetenv("KURIER_AUDIT_DIR");
    if (dir.isEmpty())
        return;
    char exe[4096];
    const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    QByteArray name = n > 0 ? QByteArray(exe, n) : QByteArray("unknown");
    name = name.mid(name.lastIndexOf('/') + 1);
    const QByteArray path = dir + "/logs/" + name + '.' + QByteArray::number(getpid()) + ".qt.log";
    g_log = open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    g_previousHandler = qInstallMessageHandler(handler);
    g_previousFilter = QLoggingCategory::installFilter(filter);
}

} // namespace
