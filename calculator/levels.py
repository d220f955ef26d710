"""Look-ups in the rules part of the engine data: levels, subjects, the 2018 carry-over."""
from .exams import exam_year_after


def find_level(data, level_id):
    for level in data["levels"]:
        if level["id"] == level_id:
            return level
    return None


def find_subject(data, subject_id):
    for subject in data["subjects"]:
        if subject["id"] == subject_id:
            return subject
    return None


def subject_name(data, subject_id):
    return find_subject(data, subject_id)["name"]


def required_subjects(data, level):
    """The level's subjects in the canonical order of data["subjects"]."""
    return [s["id"] for s in data["subjects"] if s["id"] in level["subjects"]]


def earliest_pass_year(data, level):
    """The carry-over year for the levels it covers; the exam year after it for the others."""
    carry = data["carry_over"]
    if level["id"] in carry["levels"]:
        return carry["year"]
    return exam_year_after(data, carry["year"], 1)
