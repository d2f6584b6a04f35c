/**
 * The picture drawn in the visible signature block — the principal's handwritten signature or the
 * school's seal, PNG or JPEG. It is uploaded once and remembered on this PC for the next signing, so
 * the principal does not look for the file every time; "Bỏ ảnh" signs with text only.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';

export interface SignatureImage {
  id: number;
  name: string;
}

const REMEMBERED = 'truongso.signatureImage';
const MAX_BYTES = 2 * 1024 * 1024;

function remembered(): SignatureImage | null {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null') as unknown;
    if (value && typeof value === 'object' && 'id' in value && 'name' in value) {
      const { id, name } = value as { id: unknown; name: unknown };
      if (typeof id === 'number' && typeof name === 'string') return { id, name };
    }
  } catch {
    // A damaged entry is as good as none.
  }
  return null;
}

export function useRememberedSignatureImage(): [SignatureImage | null, (image: SignatureImage | null) => void] {
  const [image, setImage] = useState<SignatureImage | null>(() =>
    typeof localStorage === 'undefined' ? null : remembered(),
  );
  const choose = (next: SignatureImage | null) => {
    setImage(next);
    if (next) localStorage.setItem(REMEMBERED, JSON.stringify(next));
    else localStorage.removeItem(REMEMBERED);
  };
  return [image, choose];
}

export function SignatureImagePicker({
  value,
  onChange,
  disabled,
}: {
  value: SignatureImage | null;
  onChange(image: SignatureImage | null): void;
  disabled?: boolean;
}) {
  const t = useT();
  const client = useClient();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown from the file the user just chose; a remembered picture is named only (it stays on the server).
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const choose = async (file: File) => {
    setError(null);
    if (!/\.(png|jpe?g)$/i.test(file.name) || !/^image\/(png|jpeg)$/.test(file.type || 'image/png')) {
      setError(t('documentsUi.sign.image.wrongType', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('documentsUi.sign.image.tooLarge', { name: file.name }));
      return;
    }
    setUploading(true);
    const uploaded = await client.upload(file, file.name, 'image');
    setUploading(false);
    if (!uploaded.ok) {
      setError(uploaded.error.message);
      return;
    }
    setPreview(typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null);
    onChange({ id: uploaded.value.id, name: uploaded.value.name });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          multiple={false}
          showUploadList={false}
          fileList={[]}
          disabled={disabled || uploading}
          beforeUpload={(file) => {
            void choose(file);
            // The file goes through the app's own upload, not antd's.
            return false;
          }}
        >
          <Button icon={<PictureOutlined aria-hidden="true" />} loading={uploading} disabled={disabled}>
            {t(value ? 'documentsUi.sign.image.change' : 'documentsUi.sign.image.choose')}
          </Button>
        </Upload>
        {value && (
          <>
            {preview && (
              <img
                src={preview}
                alt={t('documentsUi.sign.image.alt')}
                style={{ height: 40, border: '1px solid #eee' }}
              />
            )}
            <Typography.Text>{value.name}</Typography.Text>
            <Button
              icon={<DeleteOutlined aria-hidden="true" />}
              disabled={disabled}
              onClick={() => {
                setPreview(null);
                onChange(null);
              }}
            >
              {t('documentsUi.sign.image.remove')}
            </Button>
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Space>
  );
}
