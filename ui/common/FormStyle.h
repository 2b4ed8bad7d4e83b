#pragma once

class QLabel;
class QWidget;

namespace kurier::ui {

// The few visual conventions the forms share, in one place.
enum class MessageKind { Error, Warning };

// Red for errors, a dark amber (readable on light backgrounds) for warnings.
void setMessageStyle(QLabel *label, MessageKind kind);
// Bold group box titles without making the group's contents bold.
void makeSectionTitleBold(QWidget *groupBox);

} // namespace kurier::ui
