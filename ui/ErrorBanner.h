#pragma once

#include "diagnostics/Diagnostic.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace kurier::ui {

// A non-modal bar above the message list: what failed, the likely cause and what to do about
// it (from a Diagnostic), with "Details" for the full text (server reply included) and a close
// button. Also used for notes (sign-in in the browser, device code) with kind Info.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Info };
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showDiagnostic(const QString &context, const diagnostics::Diagnostic &diagnostic);
    void showInfo(const QString &text, const QString &details = {});

    [[nodiscard]] QString text() const;
    [[nodiscard]] QPlainTextEdit *detailsView() const { return m_details; }

private:
    void setKind(Kind kind);

    QLabel *m_text;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_details;
};

} // namespace kurier::ui
