{
    "name": "Mentoring to Employment: Calendar",
    "summary": "Meetings, three-way introductions and orientation sessions as Odoo calendar "
    "events: invitations (.ics) and reminders, a coordinators' calendar, meetings logged "
    "from the events that took place",
    "version": "19.0.1.1.0",
    "category": "Services/Mentoring",
    "website": "https://github.com/mentoring-suite/mentoring",
    "author": "Mentoring Suite contributors",
    "license": "AGPL-3",
    "depends": ["mentoring_base", "calendar"],
    "data": [
        "security/mentoring_calendar_rules.xml",
        "data/calendar_alarm_data.xml",
        "views/calendar_event_views.xml",
        "views/mentoring_relationship_views.xml",
        "views/mentoring_meeting_views.xml",
        "views/mentoring_person_views.xml",
        "views/mentoring_calendar_menus.xml",
    ],
}
