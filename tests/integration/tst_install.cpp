// `cmake --install` with DESTDIR into a temporary directory: the programs, the .desktop file
// (mailto: handler), the AppStream metainfo and the icons land where a Linux desktop looks for
// them, and desktop-file-validate and appstreamcli validate accept the installed files.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAppId = QStringLiteral("de.kurier.Kurier");

struct Run {
    int exitCode = -1;
    QByteArray output;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.output = p.errorString().toUtf8();
        return r;
    }
    p.waitForFinished(120000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = p.readAll();
    return r;
}

QString tool(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s is missing: install the packages of scripts/packages-test.txt", qPrintable(name));
    return path;
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void programs();
    void desktopFile();
    void metainfo();
    void icons();

private:
    [[nodiscard]] QString installed(const QString &relative) const { return m_root + QStringLiteral("/usr/") + relative; }
    QTemporaryDir m_dir;
    QString m_root;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("root"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DESTDIR"), m_root);
    const Run r = run(qEnvironmentVariable("KURIER_CMAKE"),
                      {QStringLiteral("--install"), QStringLiteral(KURIER_BINARY_DIR), QStringLiteral("--prefix"), QStringLiteral("/usr")}, env);
    QVERIFY2(r.exitCode == 0, r.output.constData());
}

void TestInstall::programs()
{
    for (const QString &name : {QStringLiteral("kurier"), QStringLiteral("kurierctl")}) {
        const QFileInfo info(installed(QStringLiteral("bin/") + name));
        QVERIFY2(info.isFile() && info.isExecutable(), qPrintable(info.filePath()));
    }
    const Run version = run(installed(QStringLiteral("bin/kurierctl")), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.output.contains("0."));
    // Nothing else in bin/, and no translation files: those are compiled in.
    QCOMPARE(QDir(installed(QStringLiteral("bin"))).entryList(QDir::Files), (QStringList{QStringLiteral("kurier"), QStringLiteral("kurierctl")}));
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("share/kurier"))));
}

void TestInstall::desktopFile()
{
    const QString path = installed(QStringLiteral("share/applications/") + kAppId + QStringLiteral(".desktop"));
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    const Run valid = run(tool(QStringLiteral("desktop-file-validate")), {path});
    QVERIFY2(valid.exitCode == 0 && valid.output.trimmed().isEmpty(), valid.output.constData());

    // The [Desktop Entry] keys (desktop entry spec: "Key=Value" lines; ';' separates list items).
    QFile raw(path);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(raw.readAll());
    QHash<QString, QString> entry;
    for (const QString &line : text.section(QStringLiteral("\n["), 0, 0).split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            entry.insert(line.left(eq), line.mid(eq + 1));
    }
    QCOMPARE(entry.value(QStringLiteral("Exec")), QStringLiteral("kurier %u"));
    QCOMPARE(entry.value(QStringLiteral("Icon")), kAppId);
    QVERIFY(entry.value(QStringLiteral("MimeType")).split(u';').contains(QStringLiteral("x-scheme-handler/mailto")));
    QVERIFY(entry.value(QStringLiteral("Categories")).split(u';').contains(QStringLiteral("Email")));
    // German name and comment.
    QVERIFY(text.contains(QStringLiteral("\nComment[de]=")));
    QVERIFY(text.contains(QStringLiteral("\nGenericName[de]=")));
}

void TestInstall::metainfo()
{
    const QString path = installed(QStringLiteral("share/metainfo/") + kAppId + QStringLiteral(".metainfo.xml"));
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    const Run valid = run(tool(QStringLiteral("appstreamcli")), {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
    QVERIFY2(valid.exitCode == 0, valid.output.constData());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray xml = f.readAll();
    // The metainfo names the installed .desktop file and the programs.
    QVERIFY(xml.contains(QByteArray("<launchable type=\"desktop-id\">" + kAppId.toUtf8() + ".desktop</launchable>")));
    QVERIFY(xml.contains("<binary>kurier</binary>"));
    QVERIFY(xml.contains("<content_rating"));
    QVERIFY(xml.contains("<release "));
}

void TestInstall::icons()
{
    const QString svg = installed(QStringLiteral("share/icons/hicolor/scalable/apps/") + kAppId + QStringLiteral(".svg"));
    QVERIFY2(QFileInfo::exists(svg), qPrintable(svg));
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QString png = installed(QStringLiteral("share/icons/hicolor/%1x%1/apps/").arg(size) + kAppId + QStringLiteral(".png"));
        const QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(png));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
    }
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
