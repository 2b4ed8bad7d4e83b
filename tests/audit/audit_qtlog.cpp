// Loaded by audit_preload into kurierctl, kurier and the tst_* programs during the secret leak
// audit only; every Qt message goes to $KURIER_AUDIT_DIR/logs/NAME.PID.qt.log as well.
//
// kurierctl/kurier: tests run kurierctl without QT_LOGGING_RULES on purpose (they check that it
// prints no debug noise by default), so its debug output would never be seen by the audit. Every
// kurier.* category is turned on, and only what the normal rules let through is passed on to the
// previous handler (stderr): the program's visible behaviour is unchanged.
//
// tst_*: the rules are left alone (kurier.* debug is on in tests anyway), every message is passed
// on. QTest installs its own handler when the test starts and drops what a test ignores
// (QTest::ignoreMessage) or what exceeds -maxwarnings; so the handler is put back in front of
// QTest's whenever a category is set up (the filter runs then, after QTest has started).
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

bool g_enableAll = false; // kurierctl/kurier: every kurier.* category on

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);

// Puts our handler in front again if someone (QTest) installed theirs since.
void reclaimHandler()
{
    const QtMessageHandler current = qInstallMessageHandler(handler);
    if (current != handler && current != nullptr)
        g_previousHandler = current;
}

void filter(QLoggingCategory *category)
{
    g_previousFilter(category); // the rules as they are (QT_LOGGING_RULES, config files)
    reclaimHandler();
    unsigned mask = 0;
    for (QtMsgType t : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg}) {
        if (category->isEnabled(t))
            mask |= bit(t);
    }
    {
        const QMutexLocker lock(&g_mutex);
        g_normallyEnabled[category->categoryName()] = mask;
    }
    if (g_enableAll && qstrncmp(category->categoryName(), "kurier", 6) == 0) {
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
    if (!g_enableAll || normallyShown || type == QtFatalMsg) {
        if (g_previousHandler)
            g_previousHandler(type, context, message);
    }
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
    g_enableAll = name == "kurierctl" || name == "kurier";
    const QByteArray path = dir + "/logs/" + name + '.' + QByteArray::number(getpid()) + ".qt.log";
    g_log = open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    g_previousHandler = qInstallMessageHandler(handler);
    g_previousFilter = QLoggingCategory::installFilter(filter);
}

} // namespace
