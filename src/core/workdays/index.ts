export { addCalendarDays, addWorkdays, isWorkday } from './workdays'
