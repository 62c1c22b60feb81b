import 'dayjs/locale/id';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDateText, parseTimeText, showDateText, showTimeText } from './dateText';

type FieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value?: string;
  onChange: (value: string) => void;
};

/**
 * The text in the field and the value in the form, kept apart: the form holds the contract's
 * value (or what was typed, when it cannot be read, so the save is refused on this field), and
 * the field shows the value in the person's own writing once it comes from elsewhere (a draft,
 * the calendar, a record) or the language changes.
 */
function useTypedValue(value: string, onChange: (value: string) => void, parse: (text: string) => string | null, show: (value: string) => string, language: string) {
  const [text, setText] = useState(() => show(value));
  const [shownFor, setShownFor] = useState(`${language}|${value}`);
  const [left, setLeft] = useState(false);
  if (shownFor !== `${language}|${value}`) {
    setShownFor(`${language}|${value}`);
    setText(show(value));
  }
  const emit = (next: string, shown: string) => {
    setText(shown);
    setShownFor(`${language}|${next}`);
    onChange(next);
  };
  const type = (typed: string) => {
    setLeft(false);
    emit(typed.trim() === '' ? '' : (parse(typed) ?? typed.trim()), typed);
  };
  const pick = (picked: string) => emit(picked, show(picked));
  const unreadable = left && text.trim() !== '' && parse(text) === null;
  /** The text input's own props: what it shows, typing, leaving it (which tidies a readable text), and its error. */
  const inputProps = (error: ReactNode, onBlur: ((event: FocusEvent<HTMLInputElement>) => void) | undefined, unreadableMessage: string) => ({
    value: text,
    onChange: (event: ChangeEvent<HTMLInputElement>) => type(event.currentTarget.value),
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      setLeft(true);
      const read = parse(text);
      if (read !== null) setText(show(read));
      onBlur?.(event);
    },
    error: unreadable ? unreadableMessage : error,
  });
  return { inputProps, pick };
}

/** A calendar date typed as dd/mm/yyyy in either language, or picked from a calendar in it. */
export function DateField({ value = '', onChange, error, onBlur, ...props }: FieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const field = useTypedValue(value, onChange, parseDateText, showDateText, language);
  const [opened, setOpened] = useState(false);
  const picked = parseDateText(value);
  return (
    <TextInput
      {...props}
      {...field.inputProps(error, onBlur, t('dates.unreadableDate'))}
      placeholder={t('dates.datePlaceholder')}
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus returnFocus withinPortal shadow="md">
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('dates.openCalendar')} onClick={() => setOpened((o) => !o)} disabled={props.disabled}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown
            // Escape closes the calendar only: a dialog the field is in hears Escape on the window
            // before anyone else and leaves alone a key whose target carries Mantine's stop mark
            // (as its own Select's input does), so whatever takes focus in the calendar carries it.
            data-mantine-stop-propagation="true"
            onFocusCapture={(event) => event.target.setAttribute('data-mantine-stop-propagation', 'true')}
          >
            <DatePicker
              locale={language === 'en' ? 'en' : 'id'}
              // Many Indonesian schools hold classes on Saturday: only Sunday is marked as a day off.
              weekendDays={[0]}
              highlightToday
              value={picked}
              defaultDate={picked ?? undefined}
              onChange={(date) => {
                field.pick(date ?? '');
                setOpened(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

/** A time of day on a 24-hour clock, written as the language writes it (13.30, 13:30). */
export function TimeField({ value = '', onChange, error, onBlur, ...props }: FieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const field = useTypedValue(value, onChange, parseTimeText, (time) => showTimeText(time, language), language);
  return (
    <TextInput {...props} {...field.inputProps(error, onBlur, t('dates.unreadableTime'))} inputMode="numeric" placeholder={t('dates.timePlaceholder')} />
  );
}
