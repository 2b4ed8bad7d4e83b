#pragma once

#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace kurier::net {

// A protocol transcript for support cases ("kurierctl fetch --transcript FILE" or the environment
// variable KURIER_TRANSCRIPT=FILE). Lines are written as the session hands them over: the session
// redacts AUTH payloads and passwords BEFORE calling client() (sasl::redactAuthCommand), and
// summarises message bodies instead of writing them. Shared by POP3 and SMTP.
class Transcript
{
public:
    // Opens (appends to) the file; isOpen() false and errorString() if that fails.
    explicit Transcript(const QString &path);
    // The one switch for every command (kurierctl fetch, check, send): the file given with
    // --transcript, else $KURIER_TRANSCRIPT; empty for none. The GUI keeps its own per account.
    [[nodiscard]] static QString chosenPath(const QString &given);

    [[nodiscard]] bool isOpen() const { return m_file.isOpen(); }
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }

    void client(QByteArrayView line) { write("C: ", line); }
    void server(QByteArrayView line) { write("S: ", line); }
    void note(QByteArrayView text) { write("-- ", text); }

private:
    void write(QByteArrayView prefix, QByteArrayView line);

    QFile m_file;
};

} // namespace kurier::net
