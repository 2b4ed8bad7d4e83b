// The German translation is complete: every string in the sources is in kurier_de.ts,
// translated, with the same placeholders. Fails on any unfinished, missing or stale entry.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations;
    QString type; // "", "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return messages;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"context")
                context.clear();
            else if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"message")
                current = Message{context, {}, {}, {}};
            else if (xml.name() == u"source")
                current.source = xml.readElementText();
            else if (xml.name() == u"translation") {
                current.type = xml.attributes().value(QStringLiteral("type")).toString();
                // Either plain text or <numerusform> children.
                QString text;
                while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == u"numerusform")
                        current.translations.append(xml.readElementText());
                }
                if (current.translations.isEmpty())
                    current.translations.append(text);
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void germanIsCompleteAndCurrent();
};

void TestTranslations::germanIsCompleteAndCurrent()
{
    // Run lupdate over the current sources into a copy, so strings added to the code but not to
    // the .ts show up as unfinished too.
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("kurier_de.ts"));
    QVERIFY(QFile::copy(QStringLiteral(KURIER_SOURCE_DIR "/translations/kurier_de.ts"), ts));
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(KURIER_SOURCE_DIR));
    lupdate.start(QStringLiteral(KURIER_LUPDATE), {QStringLiteral("-locations"), QStringLiteral("none"),
                                                   QStringLiteral("-no-obsolete"), QStringLiteral("core"),
                                                   QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), ts});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const QList<Message> messages = readTs(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 20);
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \"") + m.source + u'"';
        if (m.type == u"unfinished")
            problems << QStringLiteral("unfinished or new: ") + where;
        else if (!m.type.isEmpty())
            problems << m.type + QStringLiteral(": ") + where;
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty: ") + where;
            QStringList expected = placeholders(m.source);
            QStringList actual = placeholders(t);
            if (m.translations.size() > 1) { // numerus: %n may be omitted in the singular
                expected.removeAll(QStringLiteral("%n"));
                actual.removeAll(QStringLiteral("%n"));
            }
            if (expected != actual)
                problems << QStringLiteral("placeholders differ: ") + where + QStringLiteral(" → ") + t;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
