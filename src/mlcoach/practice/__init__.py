"""Practice: spaced-repetition drills (FSRS), mock interviews, statistics and the daily plan.

The core modules (scheduling, drill, mock_plan, followup, mock, report, stats, planning)
are pure; `service.PracticeService` joins them to the bank, the grader and the store;
`console` and `views` are the terminal shell.
"""

from __future__ import annotations

from mlcoach.practice.clock import Clock, ManualClock, system_clock
from mlcoach.practice.drill import DrillFilter, DrillSession
from mlcoach.practice.mock import MockInterview, Phase
from mlcoach.practice.scheduling import CardScheduler, Rating, suggest_rating
from mlcoach.practice.service import PracticeService

__all__ = [
    "CardScheduler",
    "Clock",
    "DrillFilter",
    "DrillSession",
    "ManualClock",
    "MockInterview",
    "Phase",
    "PracticeService",
    "Rating",
    "suggest_rating",
    "system_clock",
]
