#pragma once
// A line under a form field: a validation problem (red) or a hint (grey). Hidden when empty.
#include <QLabel>

namespace ct::ui {

class FieldNote : public QLabel
{
    Q_OBJECT
public:
    explicit FieldNote(QWidget *parent = nullptr);
    // Shows `problem` in red and marks `field` as invalid for assistive technology.
    void setProblem(QWidget *field, const QString &problem);
    void setHint(const QString &hint);
    bool hasProblem() const { return m_problem; }

private:
    bool m_problem = false;
};

} // namespace ct::ui
