import { useId } from 'react'

interface Props {
  label: string
  value: string
  onChange(value: string): void
  onBlur?(): void
  onFocus?(): void
  help?: string
  error?: string | undefined
  placeholder?: string
  type?: 'text' | 'password'
  list?: string
  autoComplete?: string
  required?: boolean
  readOnly?: boolean
}

/** A labelled text input with help text and an error shown beside it. */
export function TextField(props: Props) {
  const id = useId()
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy =
    [props.help ? helpId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        onFocus={props.onFocus}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        list={props.list}
        autoComplete={props.autoComplete ?? 'off'}
        required={props.required}
        readOnly={props.readOnly}
        spellCheck={false}
      />
      {props.help && (
        <small id={helpId} className="help">
          {props.help}
        </small>
      )}
      {props.error && (
        <span id={errorId} role="alert" className="field-error">
          {props.error}
        </span>
      )}
    </div>
  )
}
