import type { TrainingModule } from '../../contract';

/** The module's title in the user's language, or in the other one when that is empty. */
export function moduleTitle(module: Pick<TrainingModule, 'titleId' | 'titleEn'> | undefined, language: string): string {
  if (!module) return '';
  const own = language === 'en' ? module.titleEn : module.titleId;
  return own || module.titleId || module.titleEn;
}

export function moduleDescription(module: Pick<TrainingModule, 'descriptionId' | 'descriptionEn'>, language: string): string {
  const own = language === 'en' ? module.descriptionEn : module.descriptionId;
  return own || module.descriptionId || module.descriptionEn;
}
