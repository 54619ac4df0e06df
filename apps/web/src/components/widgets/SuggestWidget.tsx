import type { WidgetProps } from '@rjsf/utils'

/** Free text with suggestions (Cyclops' `x-suggestions`): an input with a datalist. */
export function SuggestWidget(props: WidgetProps) {
  const {
    id,
    value,
    required,
    disabled,
    readonly,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    options,
    rawErrors,
  } = props
  const suggestions = Array.isArray(options.suggestions) ? (options.suggestions as string[]) : []
  const listId = `${id}__suggestions`
  return (
    <>
      <input
        id={id}
        name={id}
        className="form-control"
        type="text"
        list={listId}
        value={value ?? ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        aria-describedby={`${id}__description ${id}__error`}
        aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
        onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
      />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  )
}
