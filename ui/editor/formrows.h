#pragma once
// Building blocks shared by the channel forms of the account editor.
class QFormLayout;
class QString;
class QWidget;

namespace ct::ui {

class FieldNote;

// `field` with its note underneath, in one widget for a form row.
QWidget *withNote(QWidget *field, FieldNote *note);
// Adds a row whose label (with its mnemonic) is the buddy of `buddy`; `shown` is what the row
// displays (the field itself or the field with its note).
void addLabelledRow(QFormLayout *form, const QString &label, QWidget *buddy, QWidget *shown);

} // namespace ct::ui
