/** A free note on a record or an event, as long as the server keeps (500 characters). */
import { Form, Input } from 'antd';

export function NoteField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item label={label} name={name}>
      <Input.TextArea maxLength={500} rows={2} />
    </Form.Item>
  );
}
