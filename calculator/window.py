"""The pass-window rule: how long each pass counts, and what a set of passes adds up to.

Takes checked inputs (see query.parse_inputs); builds the result with the fields in the contract's
order, so CPython's json.dumps keeps that order too.
"""
from .exams import exam_year_after, next_exam_year
from .levels import find_level, required_subjects, subject_name


def valid_through(data, pass_year, window_years, extension):
    """The last exam year a pass counts in: window_years exam years from the pass, both ends included."""
    end = exam_year_after(data, pass_year, window_years - 1)
    # The extension adds one exam year to a pass whose window already contained the cancelled year.
    if extension is not None and pass_year < extension <= end:
        end = exam_year_after(data, end, 1)
    return end


def evaluate(data, inputs):
    level = find_level(data, inputs["level"])
    required = required_subjects(data, level)
    passes = inputs["passes"]
    next_year = next_exam_year(data, inputs["today"])
    rows = []
    for subject_id in required:
        passed = passes.get(subject_id)
        through = None
        if passed is not None:
            through = valid_through(data, passed, level["window_years"], inputs["extension"])
        rows.append({"id": subject_id, "name": subject_name(data, subject_id), "passed_year": passed,
                     "valid_through": through, "usable_next": through is not None and through >= next_year})

    latest = max(passes.values()) if passes else None
    certified = len(passes) == len(required) and all([row["valid_through"] >= latest for row in rows])
    usable = [row for row in rows if row["usable_next"]]
    if certified:
        status = "certified"
    elif usable:
        status = "in_progress"
    else:
        status = "no_valid_pass"
    return {
        "level": level["id"],
        "window_years": level["window_years"],
        "required": required,
        "next_exam_year": next_year,
        "status": status,
        "certified_year": latest if certified else None,
        "remaining": [] if certified else [row["id"] for row in rows if not row["usable_next"]],
        "deadline_year": min([row["valid_through"] for row in usable]) if status == "in_progress" else None,
        "subjects": rows,
    }
